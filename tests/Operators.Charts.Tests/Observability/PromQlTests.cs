using FluentAssertions;

namespace Operators.Charts.Tests.Observability;

public sealed class PromQlTests
{
    [TestCase("""histogram_quantile(0.99, sum by (controller, le) (rate(controller_runtime_reconcile_time_seconds_bucket{job=~"$job", controller=~"$controller"}[$__rate_interval])))""",
        "controller_runtime_reconcile_time_seconds_bucket")]
    [TestCase("""max(leader_election_master_status{namespace="ops", job="x"}) == 0""", "leader_election_master_status")]
    [TestCase("""sum by (namespace, job) (increase(maintenance_notifier_deliveries_total{result="failed"}[1h])) > 0""", "maintenance_notifier_deliveries_total")]
    [TestCase("""rate(workqueue_adds_total[5m]) / on (name) group_left workqueue_depth offset 5m""", "workqueue_adds_total", "workqueue_depth")]
    [TestCase("""sum(up{job="a"}) and bool some_other_metric""", "up", "some_other_metric")]
    public void MetricNames_FindsEverySelectedMetricAndNothingElse(string expression, params string[] expected)
    {
        PromQl.MetricNames(expression).Should().BeEquivalentTo(expected);
    }

    [Test]
    public void LabelValuesMetric_ReadsTheMetricOfAGrafanaVariableQuery()
    {
        PromQl.LabelValuesMetric("""label_values(controller_runtime_reconcile_total{job=~"$job"}, controller)""")
            .Should().Be("controller_runtime_reconcile_total");
    }

    [TestCase("controller_runtime_reconcile_time_seconds_bucket", "controller_runtime_reconcile_time_seconds")]
    [TestCase("rest_client_request_duration_seconds_count", "rest_client_request_duration_seconds")]
    [TestCase("workqueue_adds_total", "workqueue_adds_total")]
    [TestCase("workqueue_depth_bucket", "workqueue_depth_bucket")]
    public void MetricOf_MapsHistogramSeriesToTheirHistogramOnly(string series, string metric)
    {
        MetricsContract.MetricOf(series).Should().Be(metric);
    }
}
