namespace Operators.Charts.Tests.Observability;

/// <summary>
/// The metric names of the contract in DESIGN.md section 3 (controller-runtime's names), which
/// every operator exports, plus the operator-specific ones.
/// </summary>
internal static class MetricsContract
{
    /// <summary>Histograms: a query may use their <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series.</summary>
    public static readonly IReadOnlySet<string> Histograms = new HashSet<string>(StringComparer.Ordinal)
    {
        "controller_runtime_reconcile_time_seconds",
        "workqueue_queue_duration_seconds",
        "workqueue_work_duration_seconds",
        "rest_client_request_duration_seconds",
    };

    /// <summary>Every metric of the shared contract.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal)
    {
        "controller_runtime_reconcile_total",
        "controller_runtime_reconcile_errors_total",
        "controller_runtime_reconcile_time_seconds",
        "controller_runtime_max_concurrent_reconciles",
        "controller_runtime_active_workers",
        "workqueue_depth",
        "workqueue_adds_total",
        "workqueue_queue_duration_seconds",
        "workqueue_work_duration_seconds",
        "workqueue_unfinished_work_seconds",
        "workqueue_longest_running_processor_seconds",
        "workqueue_retries_total",
        "rest_client_requests_total",
        "rest_client_request_duration_seconds",
        "leader_election_master_status",
    };

    /// <summary>Returns the metrics the operator of <paramref name="chart"/> exports.</summary>
    public static IReadOnlySet<string> For(string chart) => chart switch
    {
        "maintenance-notifier" => Shared.Append("maintenance_notifier_deliveries_total").ToHashSet(StringComparer.Ordinal),
        "building-block" => Shared.Append("building_block_agents").ToHashSet(StringComparer.Ordinal),
        _ => Shared,
    };

    /// <summary>Maps a series name to its metric: a histogram's <c>_bucket</c>/<c>_sum</c>/<c>_count</c> to the histogram.</summary>
    public static string MetricOf(string series)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (series.EndsWith(suffix, StringComparison.Ordinal) && Histograms.Contains(series[..^suffix.Length]))
            {
                return series[..^suffix.Length];
            }
        }

        return series;
    }
}
