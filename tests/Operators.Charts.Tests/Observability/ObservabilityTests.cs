using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Observability;

public sealed class ObservabilityTests
{
    private const string MonitoringApi = "monitoring.coreos.com/v1";

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Defaults_RenderNoServiceMonitorRuleOrDashboard(string chart)
    {
        var rendered = RenderedChart.Of(new ChartScenario(chart, null));

        rendered.OfKind("ServiceMonitor").Should().BeEmpty();
        rendered.OfKind("PrometheusRule").Should().BeEmpty();
        Dashboards(rendered).Should().BeEmpty();
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void MetricsService_ExposesPort8080NamedMetrics(object scenario)
    {
        var rendered = RenderedChart.Of((ChartScenario)scenario);

        var port = rendered.Single("Service").Items("spec.ports").Should().ContainSingle().Subject;

        port.Str("name").Should().Be("metrics");
        port.Int("port").Should().Be(8080);
        port.Str("targetPort").Should().Be("metrics");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ServiceMonitorScenario_ScrapesTheMetricsService(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"));
        var service = rendered.Single("Service");

        var monitor = rendered.Single("ServiceMonitor");

        monitor.Str("apiVersion").Should().Be(MonitoringApi);
        monitor.Map("metadata.labels").Should().Contain("release", "prometheus");
        service.Map("metadata.labels").Should().Contain(monitor.Map("spec.selector.matchLabels"));
        monitor.Strings("spec.namespaceSelector.matchNames").Should().Equal(ChartScenario.ReleaseNamespace);
        var endpoint = monitor.Items("spec.endpoints").Should().ContainSingle().Subject;
        endpoint.Str("port").Should().Be("metrics");
        endpoint.Str("path").Should().Be("/metrics");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ServiceMonitorScenario_AlertsOnErrorsBacklogAndNoLeader(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"));

        var rules = Rules(rendered.Single("PrometheusRule"));

        var prefix = string.Concat(chart.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var expected = new List<string> { prefix + "ReconcileErrors", prefix + "QueueBacklog", prefix + "NoLeader" };
        if (chart == "maintenance-notifier")
        {
            expected.Add(prefix + "DeliveryFailures");
        }

        rules.Select(r => r.Str("alert")).Should().BeEquivalentTo(expected);
        var noLeader = rules.Single(r => r.Str("alert") == prefix + "NoLeader");
        noLeader.Str("expr").Should().StartWith("max(leader_election_master_status{").And.Contain(") == 0");
        noLeader.Str("for").Should().Be("5m");
        rules.Single(r => r.Str("alert") == prefix + "QueueBacklog").Str("for").Should().Be("15m");
        rules.Should().OnlyContain(r => r.Str("expr")!.Contains($"job=\"{ChartScenario.ReleaseName}-{chart}-metrics\"", StringComparison.Ordinal));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void PrometheusRule_WithoutLeaderElection_HasNoNoLeaderAlert(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "no-leader-election"), "--set", "prometheusRule.enabled=true");

        Rules(rendered.Single("PrometheusRule")).Select(r => r.Str("alert")).Should().NotContain(a => a!.EndsWith("NoLeader", StringComparison.Ordinal));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void PrometheusRule_ExpressionsUseOnlyContractMetrics(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"));

        var used = Rules(rendered.Single("PrometheusRule"))
            .SelectMany(r => PromQl.MetricNames(r.Str("expr")!))
            .Select(MetricsContract.MetricOf)
            .ToHashSet(StringComparer.Ordinal);

        used.Should().NotBeEmpty().And.BeSubsetOf(MetricsContract.For(chart));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ServiceMonitorScenario_ShipsTheDashboardForTheGrafanaSidecar(string chart)
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"));

        var configMap = Dashboards(rendered).Should().ContainSingle().Subject;

        configMap.Map("metadata.labels").Should().Contain("grafana_dashboard", "1");
        configMap.Map("metadata.annotations").Should().Contain("grafana_folder", "OpenStack");
        var dashboard = Dashboard(configMap);
        dashboard.Str("uid").Should().Be($"openstack-{chart}");
        dashboard.Items("panels").Should().HaveCountGreaterThan(10);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Dashboard_QueriesUseOnlyContractMetrics(string chart)
    {
        var dashboard = Dashboard(Dashboards(RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"))).Single());

        var used = DashboardMetrics(dashboard);

        used.Should().NotBeEmpty().And.BeSubsetOf(MetricsContract.For(chart));
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Dashboard_HasAPanelForEveryContractArea(string chart)
    {
        var dashboard = Dashboard(Dashboards(RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"))).Single());
        var expressions = Panels(dashboard).SelectMany(p => p.Items("targets")).Select(t => t.Str("expr")!).ToList();

        string[] required =
        [
            "sum by (controller, result) (rate(controller_runtime_reconcile_total",
            "controller_runtime_reconcile_errors_total",
            "histogram_quantile(0.50, sum by (controller, le) (rate(controller_runtime_reconcile_time_seconds_bucket",
            "histogram_quantile(0.99, sum by (controller, le) (rate(controller_runtime_reconcile_time_seconds_bucket",
            "(workqueue_depth{",
            "workqueue_queue_duration_seconds_bucket",
            "workqueue_retries_total",
            "controller_runtime_active_workers",
            "leader_election_master_status",
            "sum by (code) (rate(rest_client_requests_total",
        ];
        foreach (var fragment in required)
        {
            expressions.Should().Contain(e => e.Contains(fragment, StringComparison.Ordinal), "the dashboard has a panel with {0}", fragment);
        }

        if (chart == "maintenance-notifier")
        {
            expressions.Should().Contain(e => e.Contains("sum by (result) (rate(maintenance_notifier_deliveries_total", StringComparison.Ordinal));
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Dashboard_PanelsHaveUniqueIdsTitlesAndDescriptions(string chart)
    {
        var dashboard = Dashboard(Dashboards(RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"))).Single());

        var panels = dashboard.Items("panels");

        panels.Select(p => p.Int("id")).Should().OnlyHaveUniqueItems();
        panels.Select(p => p.Str("title")).Should().OnlyHaveUniqueItems();
        Panels(dashboard).Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.Str("description")));
    }

    internal static List<JsonNode> Dashboards(RenderedChart chart) =>
        chart.OfKind("ConfigMap").Where(c => c.Map("metadata.labels").ContainsKey("grafana_dashboard")).ToList();

    internal static JsonNode Dashboard(JsonNode configMap)
    {
        var files = configMap.At("data")!.AsObject();
        files.Should().ContainSingle();
        return JsonNode.Parse(files.Single().Value!.GetValue<string>())!;
    }

    private static List<JsonNode> Panels(JsonNode dashboard) =>
        dashboard.Items("panels").Where(p => p.Str("type") != "row").ToList();

    internal static HashSet<string> DashboardMetrics(JsonNode dashboard) =>
        DashboardSeries(dashboard).Select(MetricsContract.MetricOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every series name the dashboard's panels and variables query (histograms with their suffix).</summary>
    internal static HashSet<string> DashboardSeries(JsonNode dashboard)
    {
        var fromPanels = Panels(dashboard).SelectMany(p => p.Items("targets")).SelectMany(t => PromQl.MetricNames(t.Str("expr")!));
        var fromVariables = dashboard.Items("templating.list")
            .Select(v => v.Str("query.query") ?? v.Str("definition"))
            .OfType<string>()
            .Select(PromQl.LabelValuesMetric)
            .OfType<string>();
        return fromPanels.Concat(fromVariables).ToHashSet(StringComparer.Ordinal);
    }

    internal static List<JsonNode> Rules(JsonNode prometheusRule) =>
        prometheusRule.Items("spec.groups").SelectMany(g => g.Items("rules")).ToList();
}
