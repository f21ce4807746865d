namespace Operators.WorkQueue.Metrics;

/// <summary>A histogram of one queue, such as <c>workqueue_queue_duration_seconds</c>.</summary>
public interface IHistogramMetric
{
    /// <summary>Records one observation.</summary>
    /// <param name="value">The observed value, in seconds for the work queue's histograms.</param>
    void Observe(double value);
}
