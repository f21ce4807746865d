using System.Diagnostics.CodeAnalysis;

namespace Operators.WorkQueue.Metrics;

/// <summary>A gauge of one queue that is set to a value, such as <c>workqueue_unfinished_work_seconds</c>.</summary>
public interface ISettableGaugeMetric
{
    /// <summary>Sets the gauge.</summary>
    /// <param name="value">The new value.</param>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "A gauge is set; the metric libraries' vocabulary.")]
    void Set(double value);
}
