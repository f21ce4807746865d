using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Testing;
using YamlDotNet.RepresentationModel;

namespace Operators.EndToEnd.Tests.EndToEnd;

/// <summary>
/// The RBAC proof: after the scenarios above ran the three operators, the local API server knows every kind of request
/// each operator made (recorded by the product name of its <c>User-Agent</c>, which is the operator's name). That
/// observed set is compared with the Role and ClusterRole rules its chart renders with default values.
/// <para>
/// The scenarios above (and the drift repair below) reach every write path of the operators.
/// Less than observed fails (the operator would be forbidden). More than observed fails too, except for this
/// allowance, and nothing else:
/// <list type="bullet">
/// <item><c>get</c> on a resource the operator lists or watches (a single read of what it may read in bulk);</item>
/// <item><c>patch</c> where <c>update</c> was observed and <c>update</c> where <c>patch</c> was observed (the pair of write forms);</item>
/// <item><c>create</c> and <c>patch</c> on <c>events</c> (a recorder creates an event and patches its count when it repeats; a short run may show only one).</item>
/// </list>
/// Requests to a namespace must be granted by a Role or a ClusterRole; requests across all namespaces only by a ClusterRole.
/// </para>
/// </summary>
public partial class OperatorsEndToEndTests
{
    private static readonly HttpClient AdminHttp = new();

    /// <summary>Drift repair, also the one write path of the nova-agent the scenarios above do not reach: its ConfigMap edited by hand.</summary>
    [Test]
    [Order(7)]
    public async Task ConfigMap_WhenEditedByHand_IsRestoredByTheNovaAgent()
    {
        var host = SampleHosts["bb092"][0];
        var original = (await ConfigMapAsync(host))!;
        var key = original.Data.Keys.First();

        var edit = await Running.Kubectl.RunAsync("patch", "configmap", "nova-compute-" + host, "-n", Namespace, "--type", "merge", "-p",
            new JsonObject { ["data"] = new JsonObject { [key] = "edited by hand" } }.ToJsonString());
        edit.ExitCode.Should().Be(0, edit.Error);

        await Eventually.HoldsAsync(
            async () => await ConfigMapAsync(host) is { } now && now.Data[key] == original.Data[key] && now.Metadata.ResourceVersion != original.Metadata.ResourceVersion,
            "the nova-agent restored the ConfigMap");
    }

    [TestCase("building-block")]
    [TestCase("nova-agent")]
    [TestCase("maintenance-notifier")]
    [Order(8)]
    public async Task ChartRbac_GrantsExactlyWhatTheOperatorUsed_WithinTheDocumentedAllowance(string operatorName)
    {
        var observed = await ObservedAccessAsync(operatorName);
        observed.Should().NotBeEmpty("the operator ran the scenarios above through the API server");
        var rules = await RenderedRulesAsync(operatorName);

        var missing = observed
            .Where(o => !rules.Any(r => r.Verb == o.Verb && r.Group == o.Group && r.Resource == o.Resource && (o.Namespaced || r.ClusterWide)))
            .Select(o => $"{o.Verb} {Show(o.Group, o.Resource)}{(o.Namespaced ? string.Empty : " (all namespaces: needs a ClusterRole)")}")
            .ToList();
        string.Join(", ", missing).Should().BeEmpty("the chart must grant every request the operator makes");

        var unused = rules
            .Where(r => !observed.Any(o => o.Verb == r.Verb && o.Group == r.Group && o.Resource == r.Resource) && !Allowed(r, observed))
            .Select(r => $"{r.Verb} {Show(r.Group, r.Resource)}")
            .Distinct()
            .ToList();
        string.Join(", ", unused).Should().BeEmpty("least privilege: the chart grants nothing the operator does not use, beyond the documented allowance");
    }

    private static bool Allowed(GrantedRule rule, IReadOnlyList<Access> observed)
    {
        bool Saw(params string[] verbs) => observed.Any(o => o.Group == rule.Group && o.Resource == rule.Resource && verbs.Contains(o.Verb));
        return rule.Verb switch
        {
            "get" => Saw("list", "watch"),
            "patch" when rule.Resource == "events" => true,
            "create" when rule.Resource == "events" => true,
            "patch" => Saw("update"),
            "update" => Saw("patch"),
            _ => false,
        };
    }

    private static string Show(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";

    private async Task<IReadOnlyList<Access>> ObservedAccessAsync(string operatorName)
    {
        var uri = new Uri(Client.Kubernetes.BaseUri, "/_local/access/" + operatorName);
        var body = JsonNode.Parse(await AdminHttp.GetStringAsync(uri))!;
        return [.. body[operatorName]!.AsArray().Select(a => new Access(
            (string)a!["verb"]!, (string)a["apiGroup"]!, (string)a["resource"]!, (bool)a["namespaced"]!))];
    }

    /// <summary>Every (verb, group, resource) the chart's Roles and ClusterRoles grant, expanded; wildcards fail the test.</summary>
    private static async Task<IReadOnlyList<GrantedRule>> RenderedRulesAsync(string chart)
    {
        var helm = Path.Combine(TestRepository.Layout.Root, ".tools", "bin", "helm");
        File.Exists(helm).Should().BeTrue("`make tools` installs helm into .tools/bin");
        var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestRepository.Layout.Root };
        start.ArgumentList.Add("template");
        start.ArgumentList.Add(Path.Combine("charts", chart));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await errors);

        var stream = new YamlStream();
        stream.Load(new StringReader(await output));
        var granted = new List<GrantedRule>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") is not ("Role" or "ClusterRole") || !root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode))
            {
                continue;
            }

            var clusterWide = Scalar(root, "kind") == "ClusterRole";
            foreach (var rule in ((YamlSequenceNode)rulesNode).Children.Cast<YamlMappingNode>())
            {
                var groups = Strings(rule, "apiGroups");
                var resources = Strings(rule, "resources");
                var verbs = Strings(rule, "verbs");
                groups.Concat(resources).Concat(verbs).Should().NotContain("*", $"{chart} grants no wildcards");
                granted.AddRange(
                    from g in groups
                    from r in resources
                    from v in verbs
                    select new GrantedRule(v, g, r, clusterWide));
            }
        }

        granted.Should().NotBeEmpty($"the {chart} chart renders RBAC");
        return granted;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? [.. sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? string.Empty)]
            : [];

    private sealed record Access(string Verb, string Group, string Resource, bool Namespaced);

    private sealed record GrantedRule(string Verb, string Group, string Resource, bool ClusterWide);
}
