using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;
using Operators.LocalApiServer;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Charts.Tests.Apply;

/// <summary>
/// Renders each chart with its defaults (plus the dashboard ConfigMap) and creates the objects in an
/// in-process LocalApiServer with kubectl: the CRD first (it must become Established and served),
/// then every other object: ServiceAccount, RBAC, Deployment, Service, PodDisruptionBudget, ConfigMap. The
/// server stores RBAC objects without enforcing them; the test fails if any rendered kind is not served.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ApplyChartTests
{
    private ApiServer _server = null!;
    private string _folder = string.Empty;
    private Kubectl _kubectl = null!;
    private HashSet<string> _served = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = await ApiServer.StartAsync(new LocalApiServerOptions());
        _folder = Directory.CreateTempSubdirectory("charts-apply-").FullName;
        var kubeconfig = Path.Combine(_folder, "kubeconfig");
        _server.WriteKubeconfig(kubeconfig);
        _kubectl = new Kubectl(kubeconfig);
        // kubectl create namespace sends protobuf, which the server does not read; apply sends JSON.
        var ns = Path.Combine(_folder, "namespace.json");
        await File.WriteAllTextAsync(ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = ChartScenario.ReleaseNamespace },
        }.ToJsonString());
        var (code, output) = await _kubectl.RunAsync("apply", "-f", ns);
        code.Should().Be(0, output);
        _served = await ServedKindsAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public async Task DefaultRender_CrdBecomesServedAndEveryServedKindApplies(string chart)
    {
        var objects = Render(chart);
        var crd = objects.Should().ContainSingle(o => o.Str("kind") == "CustomResourceDefinition").Subject;
        var crdName = crd.Str("metadata.name")!;

        await ApplyAsync(chart, crd);
        var (waited, waitOutput) = await _kubectl.RunAsync("wait", "--for=condition=Established", "--timeout=20s", $"crd/{crdName}");
        waited.Should().Be(0, waitOutput);
        var (listed, listOutput) = await _kubectl.RunAsync("get", crdName, "--all-namespaces");
        listed.Should().Be(0, $"the custom resource {crdName} must be served once its CRD applied:\n{listOutput}");

        var rest = objects.Where(o => o != crd).ToList();
        var served = rest.Where(o => _served.Contains(KindKey(o))).ToList();
        var folder = Directory.CreateDirectory(Path.Combine(_folder, $"{chart}-served")).FullName;
        foreach (var obj in served)
        {
            File.WriteAllText(Path.Combine(folder, $"{obj.Str("kind")}-{obj.Str("metadata.name")}.json"), obj.ToJsonString());
        }

        var (code, output) = await _kubectl.RunAsync("apply", "--validate=strict", "-n", ChartScenario.ReleaseNamespace, "-f", folder);
        code.Should().Be(0, $"{chart}: every object of a served kind must apply cleanly:\n{output}");
        var (got, names) = await _kubectl.RunAsync("get", "-n", ChartScenario.ReleaseNamespace, "-f", folder, "-o", "name");
        got.Should().Be(0, names);
        names.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().HaveCount(served.Count, names);
        var applied = served.Select(o => o.Str("kind")!).ToList();

        applied.Should().Contain(
            ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service", "PodDisruptionBudget", "ConfigMap"],
            $"{chart}: the RBAC and workload objects must all apply");
        rest.Where(o => !_served.Contains(KindKey(o))).Select(o => o.Str("kind")).Should().BeEmpty($"{chart}: every rendered kind must be served");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public async Task DefaultRender_DeploymentRunsAsTheChartsServiceAccountAndPassesStrictServerValidation(string chart)
    {
        // The Deployment must name the ServiceAccount the chart creates.
        var objects = Render(chart);
        var serviceAccount = objects.Single(o => o.Str("kind") == "ServiceAccount").Str("metadata.name");
        var deployment = objects.Single(o => o.Str("kind") == "Deployment");
        deployment.Str("spec.template.spec.serviceAccountName").Should().Be(serviceAccount);

        var file = Write(chart, "dry-run", deployment);
        var (code, output) = await _kubectl.RunAsync("apply", "--dry-run=server", "--validate=strict", "-f", file);

        code.Should().Be(0, output);
        output.Should().Contain("(server dry run)");
    }

    private static List<JsonNode> Render(string chart) =>
        RenderedChart.Of(new ChartScenario(chart, null), "--set", "grafanaDashboard.enabled=true").Objects.ToList();

    private static string KindKey(JsonNode obj) => $"{obj.Str("apiVersion")} {obj.Str("kind")}";

    private async Task ApplyAsync(string chart, JsonNode obj)
    {
        var file = Write(chart, $"{obj.Str("kind")}-{obj.Str("metadata.name")}", obj);
        var (code, output) = await _kubectl.RunAsync("apply", "--validate=strict", "-n", ChartScenario.ReleaseNamespace, "-f", file);
        code.Should().Be(0, $"{chart}: {obj.Str("kind")} {obj.Str("metadata.name")} must apply cleanly:\n{output}");
    }

    private string Write(string chart, string name, JsonNode obj)
    {
        var file = Path.Combine(_folder, $"{chart}-{name}.json");
        File.WriteAllText(file, obj.ToJsonString());
        return file;
    }

    private async Task<HashSet<string>> ServedKindsAsync()
    {
        var (code, output) = await _kubectl.RunAsync("api-resources", "--no-headers");
        code.Should().Be(0, output);

        // Columns: NAME [SHORTNAMES] APIVERSION NAMESPACED KIND.
        return output.Split('\n').Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Length >= 4)
            .Select(t => $"{t[^3]} {t[^1]}")
            .ToHashSet(StringComparer.Ordinal);
    }
}
