using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Workloads;

public sealed class DeploymentTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Selector_IsNameAndInstanceOnly_AndMatchesThePodLabels(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var expected = ExpectedSelector(chart.Scenario.Chart);

        var selector = chart.Deployment.Map("spec.selector.matchLabels");

        selector.Should().Equal(expected);
        chart.Deployment.Map("spec.template.metadata.labels").Should().Contain(expected);
        chart.Single("Service").Map("spec.selector").Should().Equal(expected);
        foreach (var pdb in chart.OfKind("PodDisruptionBudget"))
        {
            pdb.Map("spec.selector.matchLabels").Should().Equal(expected);
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Probes_UseHealthzAndReadyzOnTheHealthPort(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var container = chart.Container;

        container.Items("ports").Select(p => (p.Str("name"), p.Int("containerPort")))
            .Should().BeEquivalentTo([("metrics", 8080L), ("health", 8081L)]);
        container.Str("livenessProbe.httpGet.path").Should().Be("/healthz");
        container.Str("livenessProbe.httpGet.port").Should().Be("health");
        container.Str("readinessProbe.httpGet.path").Should().Be("/readyz");
        container.Str("readinessProbe.httpGet.port").Should().Be("health");
        chart.Args.Should().Contain(["--metrics-bind-address=:8080", "--health-probe-bind-address=:8081"]);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Container_HasCpuAndMemoryRequestsAndLimits(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);

        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                chart.Container.At($"resources.{kind}.{resource}").Should().NotBeNull("{0} sets resources.{1}.{2}", chart.Scenario, kind, resource);
            }
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Args_CarryEveryOperatorFlagFromTheValues(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);

        foreach (var flag in new[] { "--log-format=", "--log-level=", "--max-concurrent-reconciles=", "--kube-api-qps=", "--kube-api-burst=" })
        {
            chart.Args.Should().Contain(a => a.StartsWith(flag, StringComparison.Ordinal));
        }

        chart.Deployment.Int("spec.template.spec.terminationGracePeriodSeconds").Should().BePositive();
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Defaults_RunTwoLeaderElectedReplicasSpreadAcrossNodes(string chart)
    {
        var rendered = RenderedChart.Of(new ChartScenario(chart, null));

        rendered.Deployment.Int("spec.replicas").Should().Be(2);
        rendered.Args.Should().Contain(["--leader-elect=true", $"--leader-election-namespace={ChartScenario.ReleaseNamespace}", "--log-format=json"]);
        rendered.Args.Should().NotContain(a => a.StartsWith("--namespace=", StringComparison.Ordinal));
        rendered.Container.Str("image").Should().Be($"ghcr.io/openstack-operators/{chart}:{AppVersion(chart)}");
        rendered.Single("PodDisruptionBudget").Int("spec.minAvailable").Should().Be(1);
        var term = rendered.Deployment.Items("spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution")
            .Should().ContainSingle().Subject;
        term.Str("podAffinityTerm.topologyKey").Should().Be("kubernetes.io/hostname");
        term.Map("podAffinityTerm.labelSelector.matchLabels").Should().Equal(ExpectedSelector(chart));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void NoLeaderElection_RunsOneReplicaWithoutTheFlagOrABudget(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "no-leader-election"));

        rendered.Deployment.Int("spec.replicas").Should().Be(1);
        rendered.Args.Should().NotContain(a => a.StartsWith("--leader-elect", StringComparison.Ordinal));
        rendered.OfKind("PodDisruptionBudget").Should().BeEmpty();
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Namespaced_PassesTheWatchedNamespace(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "namespaced"));

        rendered.Args.Should().Contain("--namespace=openstack");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ExtraEnv_AddsVariablesAndArguments(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "extra-env"));

        rendered.Container.Items("env").Select(e => e.Str("name")).Should().Equal("OTEL_EXPORTER_OTLP_ENDPOINT", "POD_NAME");
        rendered.Container.Items("env")[0].Str("value").Should().Be("http://otel-collector.observability:4317");
        rendered.Container.Items("env")[1].Str("valueFrom.fieldRef.fieldPath").Should().Be("metadata.name");
        rendered.Args.Should().Contain(["--log-level=debug", "--log-format=text"]);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void CustomResources_AreRenderedAsGiven(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "custom-resources"));
        var pod = rendered.Deployment.At("spec.template");

        rendered.Container.Str("resources.requests.cpu").Should().Be("100m");
        rendered.Container.Str("resources.limits.memory").Should().Be("512Mi");
        rendered.Container.Str("image").Should().Be($"registry.example.com/openstack/{chart}:0.1.0-rc.1");
        rendered.Container.Str("imagePullPolicy").Should().Be("Always");
        pod.Items("spec.imagePullSecrets").Should().ContainSingle().Which.Str("name").Should().Be("regcred");
        pod.Str("spec.priorityClassName").Should().Be("system-cluster-critical");
        pod.Items("spec.tolerations").Should().ContainSingle();
        pod.Map("spec.nodeSelector").Should().ContainKey("node-role.kubernetes.io/control-plane");
        pod.Map("metadata.annotations").Should().Contain("example.com/team", "openstack");
        pod.Map("metadata.labels").Should().Contain("example.com/tier", "control");
        rendered.Deployment.Map("spec.selector.matchLabels").Should().NotContainKey("example.com/tier");
        rendered.Args.Should().Contain(["--max-concurrent-reconciles=4", "--kube-api-qps=50", "--kube-api-burst=100"]);
    }

    private static Dictionary<string, string> ExpectedSelector(string chart) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = chart,
        ["app.kubernetes.io/instance"] = ChartScenario.ReleaseName,
    };

    private static string AppVersion(string chart) =>
        File.ReadLines(RepositoryRoot.Combine("charts", chart, "Chart.yaml"))
            .Single(l => l.StartsWith("appVersion:", StringComparison.Ordinal))["appVersion:".Length..].Trim().Trim('"');
}
