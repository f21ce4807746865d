namespace Operators.WorkQueue.Metrics;

/// <summary>A monotonic counter of one queue, such as <c>workqueue_adds_total</c>.</summary>
public interface ICounterMetric
{
    /// <summary>Adds one to the counter.</summary>
    void Increment();
}
