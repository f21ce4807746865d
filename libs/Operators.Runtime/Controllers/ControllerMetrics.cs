using Prometheus;

namespace Operators.Runtime.Controllers;

/// <summary>controller-runtime's reconcile metrics, with its exact names and labels.</summary>
internal sealed class ControllerMetrics
{
    private readonly Counter _total;
    private readonly Counter _errors;
    private readonly Counter _terminalErrors;
    private readonly Histogram _time;
    private readonly Gauge _maxConcurrent;
    private readonly Gauge _activeWorkers;

    /// <summary>Registers (or reuses) the metrics in <paramref name="registry"/>.</summary>
    public ControllerMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _total = factory.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller",
            new CounterConfiguration { LabelNames = ["controller", "result"] });
        _errors = factory.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller",
            new CounterConfiguration { LabelNames = ["controller"] });
        _terminalErrors = factory.CreateCounter("controller_runtime_terminal_reconcile_errors_total", "Total number of terminal reconciliation errors per controller",
            new CounterConfiguration { LabelNames = ["controller"] });
        _time = factory.CreateHistogram("controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller",
            new HistogramConfiguration
            {
                LabelNames = ["controller"],
                Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60],
            });
        _maxConcurrent = factory.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller",
            new GaugeConfiguration { LabelNames = ["controller"] });
        _activeWorkers = factory.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller",
            new GaugeConfiguration { LabelNames = ["controller"] });
    }

    /// <summary>Sets the configured concurrency.</summary>
    public void SetMaxConcurrent(string controller, int value) => _maxConcurrent.WithLabels(controller).Set(value);

    /// <summary>Counts a worker starting (+1) or finishing (-1) a reconcile.</summary>
    public void ActiveWorkers(string controller, int delta) => _activeWorkers.WithLabels(controller).Inc(delta);

    /// <summary>Records one reconcile: its result label and duration.</summary>
    public void Observe(string controller, string result, TimeSpan duration)
    {
        _total.WithLabels(controller, result).Inc();
        _time.WithLabels(controller).Observe(duration.TotalSeconds);
        if (result == ReconcileOutcome.Error)
        {
            _errors.WithLabels(controller).Inc();
        }
    }

    /// <summary>Counts a terminal error.</summary>
    public void Terminal(string controller) => _terminalErrors.WithLabels(controller).Inc();
}
