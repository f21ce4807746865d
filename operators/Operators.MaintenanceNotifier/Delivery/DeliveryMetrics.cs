using Prometheus;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// <c>maintenance_notifier_deliveries_total{result}</c>: <c>delivered</c>, <c>retried</c> (an attempt failed
/// and another is scheduled), <c>failed</c> (given up) and <c>skipped</c> (suspended or superseded).
/// The only label is the result: no URL, name or secret ever becomes a label.
/// </summary>
internal sealed class DeliveryMetrics
{
    /// <summary>The metric's name.</summary>
    public const string Name = "maintenance_notifier_deliveries_total";

    private readonly Counter _deliveries;

    /// <summary>Initializes a new instance of the <see cref="DeliveryMetrics"/> class on <paramref name="registry"/>.</summary>
    /// <param name="registry">The operator's registry (the one <c>/metrics</c> serves).</param>
    public DeliveryMetrics(CollectorRegistry registry)
    {
        _deliveries = Metrics.WithCustomRegistry(registry).CreateCounter(
            Name,
            "Notification outcomes of maintenance transitions, by result.",
            new CounterConfiguration { LabelNames = ["result"] });
        foreach (var result in (string[])["delivered", "retried", "failed", "skipped"])
        {
            _deliveries.WithLabels(result).IncTo(0);
        }
    }

    /// <summary>Counts a delivered notification.</summary>
    public void Delivered() => _deliveries.WithLabels("delivered").Inc();

    /// <summary>Counts a failed attempt that will be retried.</summary>
    public void Retried() => _deliveries.WithLabels("retried").Inc();

    /// <summary>Counts a notification given up.</summary>
    public void Failed() => _deliveries.WithLabels("failed").Inc();

    /// <summary>Counts a transition recorded as skipped.</summary>
    public void Skipped() => _deliveries.WithLabels("skipped").Inc();

    /// <summary>The current value for <paramref name="result"/> (for tests).</summary>
    /// <param name="result"><c>delivered</c>, <c>retried</c>, <c>failed</c> or <c>skipped</c>.</param>
    /// <returns>The count.</returns>
    public double Value(string result) => _deliveries.WithLabels(result).Value;
}
