using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Observability;

public sealed class DashboardDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(RepositoryRoot.Combine("charts", "DASHBOARDS.md")));

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void DashboardsDoc_DescribesEveryPanelOfTheChartsDashboard(string chart)
    {
        var dashboard = ObservabilityTests.Dashboard(ObservabilityTests.Dashboards(RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor"))).Single());

        var titles = dashboard.Items("panels").Where(p => p.Str("type") != "row").Select(p => p.Str("title")!).ToList();

        titles.Should().NotBeEmpty().And.OnlyContain(t => Doc.Value.Contains($"| {t} |", StringComparison.Ordinal), "charts/DASHBOARDS.md has a table row per panel");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void DashboardsDoc_DescribesEveryAlertOfTheChartsRule(string chart)
    {
        var rule = RenderedChart.Of(ChartCatalog.Scenario(chart, "servicemonitor")).Single("PrometheusRule");
        var prefix = string.Concat(chart.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

        var alerts = ObservabilityTests.Rules(rule).Select(r => r.Str("alert")!).ToList();

        alerts.Should().NotBeEmpty().And.OnlyContain(
            a => Doc.Value.Contains($"`{a}`", StringComparison.Ordinal) || Doc.Value.Contains($"`…{a.Substring(prefix.Length)}`", StringComparison.Ordinal),
            "charts/DASHBOARDS.md has a row per alert");
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void ChartReadme_LinksTheDashboardsDoc(string chart)
    {
        File.ReadAllText(RepositoryRoot.Combine("charts", chart, "README.md")).Should().Contain("(../DASHBOARDS.md)");
    }
}
