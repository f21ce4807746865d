using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using Operators.Charts.Tests.Apply;
using Operators.Charts.Tests.Infrastructure;
using Operators.LocalApiServer;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Charts.Tests.Observability;

/// <summary>
/// Runs the three operator programs against an in-process LocalApiServer with the charts' CRDs and
/// the shared samples applied, waits until each reconciled an object, scrapes its <c>/metrics</c>,
/// and checks that every series each chart's dashboard and PrometheusRule query is exported.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed partial class RunningOperatorMetricsTests
{
    private const string SampleNamespace = "openstack";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    private readonly Dictionary<string, OperatorUnderTest> _operators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scrapes = new(StringComparer.Ordinal);
    private ApiServer _server = null!;
    private string _folder = string.Empty;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartOperatorsAsync()
    {
        _server = await ApiServer.StartAsync(new LocalApiServerOptions());
        _folder = Directory.CreateTempSubdirectory("charts-metrics-").FullName;
        var kubeconfig = Path.Combine(_folder, "kubeconfig");
        _server.WriteKubeconfig(kubeconfig);
        var kubectl = new Kubectl(kubeconfig);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        foreach (var chart in ChartCatalog.Names)
        {
            var crd = RenderedChart.Of(new ChartScenario(chart, null)).Single("CustomResourceDefinition");
            var file = Path.Combine(_folder, $"{chart}-crd.json");
            await File.WriteAllTextAsync(file, crd.ToJsonString());
            await Must(kubectl.RunAsync("apply", "-f", file));
            await Must(kubectl.RunAsync("wait", "--for=condition=Established", "--timeout=20s", $"crd/{crd.Str("metadata.name")}"));
        }

        await Must(kubectl.RunAsync("apply", "-f", RepositoryRoot.Combine("samples", "openstack.yaml")));
        foreach (var chart in ChartCatalog.Names)
        {
            _operators[chart] = OperatorUnderTest.Start(chart, kubeconfig, SampleNamespace);
        }
    }

    [OneTimeTearDown]
    public async Task StopOperatorsAsync()
    {
        foreach (var op in _operators.Values)
        {
            await op.DisposeAsync();
        }

        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public async Task Dashboard_QueriesOnlySeriesTheRunningOperatorExports(string chart)
    {
        var exported = ExportedSeries(await ScrapeAfterAReconcileAsync(chart));
        var dashboard = ObservabilityTests.Dashboard(ObservabilityTests.Dashboards(RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"))).Single());

        var used = ObservabilityTests.DashboardSeries(dashboard);

        used.Should().NotBeEmpty();
        used.Except(exported).Should().BeEmpty($"every series the {chart} dashboard queries must be on the operator's /metrics");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public async Task PrometheusRule_QueriesOnlySeriesTheRunningOperatorExports(string chart)
    {
        var exported = ExportedSeries(await ScrapeAfterAReconcileAsync(chart));
        var rule = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor")).Single("PrometheusRule");

        var used = ObservabilityTests.Rules(rule).SelectMany(r => PromQl.MetricNames(r.Str("expr")!)).ToHashSet(StringComparer.Ordinal);

        used.Should().NotBeEmpty();
        used.Except(exported).Should().BeEmpty($"every series the {chart} alerts query must be on the operator's /metrics");
    }

    [Test]
    public async Task DeliveriesMetric_IsExportedByTheNotifierOnly()
    {
        ExportedSeries(await ScrapeAfterAReconcileAsync("maintenance-notifier")).Should().Contain("maintenance_notifier_deliveries_total");
        ExportedSeries(await ScrapeAfterAReconcileAsync("building-block")).Should().NotContain("maintenance_notifier_deliveries_total");
        ExportedSeries(await ScrapeAfterAReconcileAsync("nova-agent")).Should().NotContain("maintenance_notifier_deliveries_total");
    }

    /// <summary>Series names on a scrape: every metric of a <c># TYPE</c> line, with <c>_bucket</c>/<c>_sum</c>/<c>_count</c> for histograms.</summary>
    private static HashSet<string> ExportedSeries(string scrape)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match type in TypeLine().Matches(scrape))
        {
            var name = type.Groups[1].Value;
            names.Add(name);
            if (type.Groups[2].Value == "histogram")
            {
                names.UnionWith([name + "_bucket", name + "_sum", name + "_count"]);
            }
        }

        return names;
    }

    private static async Task Must(Task<(int Code, string Output)> run)
    {
        var (code, output) = await run;
        code.Should().Be(0, output);
    }

    private async Task<string> ScrapeAfterAReconcileAsync(string chart)
    {
        if (_scrapes.TryGetValue(chart, out var cached))
        {
            return cached;
        }

        var op = _operators[chart];
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < Deadline)
        {
            op.HasExited.Should().BeFalse($"the {chart} operator must keep running");
            try
            {
                last = await _http.GetStringAsync(op.MetricsAddress);
            }
            catch (HttpRequestException)
            {
                last = string.Empty;
            }

            if (SuccessfulReconcile().IsMatch(last) && LeaderLine().IsMatch(last))
            {
                _scrapes[chart] = last;
                return last;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The {chart} operator did not lead and reconcile an object within {Deadline}. Last scrape:\n{last}");
        return last;
    }

    [GeneratedRegex("^# TYPE (\\S+) (\\S+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex("^controller_runtime_reconcile_total\\{[^}]*result=\"success\"[^}]*\\} [1-9]", RegexOptions.Multiline)]
    private static partial Regex SuccessfulReconcile();

    [GeneratedRegex("^leader_election_master_status\\{[^}]*\\} 1$", RegexOptions.Multiline)]
    private static partial Regex LeaderLine();
}
