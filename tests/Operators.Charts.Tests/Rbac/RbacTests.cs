using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Rbac;

public sealed class RbacTests
{
    private static readonly string[] RoleKinds = ["Role", "ClusterRole"];

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void OperatorRole_GrantsExactlyWhatTheOperatorUses(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);

        var granted = RbacRule.Of(OperatorRole(chart));

        ShouldGrantExactly(granted, ExpectedPermissions.Operator(chart.Scenario.Chart));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void OperatorRole_IsClusterWideOnlyWhenEveryNamespaceIsWatched(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var watched = WatchedNamespace(chart);

        var role = OperatorRole(chart);
        var binding = Binding(chart, role);

        if (watched is null)
        {
            role.Str("kind").Should().Be("ClusterRole");
            binding.Str("kind").Should().Be("ClusterRoleBinding");
        }
        else
        {
            role.Str("kind").Should().Be("Role");
            role.Str("metadata.namespace").Should().Be(watched);
            binding.Str("kind").Should().Be("RoleBinding");
            binding.Str("metadata.namespace").Should().Be(watched);
            chart.OfKind("ClusterRole").Should().BeEmpty();
            chart.OfKind("ClusterRoleBinding").Should().BeEmpty();
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void LeaseRole_ExistsExactlyWhenLeaderElectionIsOn_InTheReleaseNamespace(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var leaderElect = chart.Args.Contains("--leader-elect=true");

        var leaseRoles = LeaseRoles(chart);

        if (!leaderElect)
        {
            leaseRoles.Should().BeEmpty();
            return;
        }

        chart.Args.Should().Contain($"--leader-election-namespace={ChartScenario.ReleaseNamespace}");
        leaseRoles.Should().ContainSingle();
        var role = leaseRoles[0];
        role.Str("kind").Should().Be("Role");
        role.Str("metadata.namespace").Should().Be(ChartScenario.ReleaseNamespace);
        ShouldGrantExactly(RbacRule.Of(role), ExpectedPermissions.LeaderElection);
        Binding(chart, role).Str("metadata.namespace").Should().Be(ChartScenario.ReleaseNamespace);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void EveryRole_HasNoWildcardNoResourceNamesAndNoNonResourceUrls(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);

        var rules = RoleKinds.SelectMany(chart.OfKind).SelectMany(r => r.Items("rules")).ToList();

        rules.Should().NotBeEmpty();
        foreach (var rule in rules)
        {
            var all = rule.Strings("apiGroups").Concat(rule.Strings("resources")).Concat(rule.Strings("verbs"));
            all.Should().NotContain(v => v.Contains('*', StringComparison.Ordinal), "no wildcards: {0}", rule.ToJsonString());
            rule.At("nonResourceURLs").Should().BeNull();
            rule.At("resourceNames").Should().BeNull();
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void EveryBinding_BindsOnlyTheOperatorsServiceAccount(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var account = chart.Single("ServiceAccount");
        chart.Deployment.Str("spec.template.spec.serviceAccountName").Should().Be(account.Str("metadata.name"));

        var bindings = chart.OfKind("RoleBinding").Concat(chart.OfKind("ClusterRoleBinding")).ToList();

        bindings.Should().NotBeEmpty();
        foreach (var binding in bindings)
        {
            var subject = binding.Items("subjects").Should().ContainSingle().Subject;
            subject.Str("kind").Should().Be("ServiceAccount");
            subject.Str("name").Should().Be(account.Str("metadata.name"));
            subject.Str("namespace").Should().Be(ChartScenario.ReleaseNamespace);
            var roleKind = binding.Str("roleRef.kind");
            chart.OfKind(roleKind!).Should().Contain(r => r.Str("metadata.name") == binding.Str("roleRef.name"), "the binding refers to a rendered {0}", roleKind);
        }
    }

    private static void ShouldGrantExactly(IReadOnlyList<RbacRule> granted, IReadOnlySet<RbacRule> expected)
    {
        var names = granted.Select(r => r.ToString()).ToList();
        names.Should().OnlyHaveUniqueItems("a permission is granted once");
        granted.Except(expected).Select(r => r.ToString()).Should().BeEmpty("least privilege: nothing beyond what the operator calls is granted");
        expected.Except(granted).Select(r => r.ToString()).Should().BeEmpty("the operator would fail without these permissions");
    }

    private static string? WatchedNamespace(RenderedChart chart) =>
        chart.Args.Where(a => a.StartsWith("--namespace=", StringComparison.Ordinal)).Select(a => a["--namespace=".Length..]).SingleOrDefault();

    private static List<JsonNode> LeaseRoles(RenderedChart chart) =>
        RoleKinds.SelectMany(chart.OfKind).Where(r => RbacRule.Of(r).Any(p => p.Resource == "leases")).ToList();

    private static JsonNode OperatorRole(RenderedChart chart)
    {
        var roles = RoleKinds.SelectMany(chart.OfKind).Except(LeaseRoles(chart)).ToList();
        roles.Should().ContainSingle("{0} grants the operator's permissions in one Role or ClusterRole", chart.Scenario);
        return roles[0];
    }

    private static JsonNode Binding(RenderedChart chart, JsonNode role) =>
        chart.OfKind(role.Str("kind") + "Binding")
            .Should().ContainSingle(b => b.Str("roleRef.name") == role.Str("metadata.name") && b.Str("roleRef.kind") == role.Str("kind"))
            .Subject;
}
