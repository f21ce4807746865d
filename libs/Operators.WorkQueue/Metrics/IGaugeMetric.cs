namespace Operators.WorkQueue.Metrics;

/// <summary>A gauge of one queue that moves by steps, such as <c>workqueue_depth</c>.</summary>
public interface IGaugeMetric
{
    /// <summary>Adds one to the gauge.</summary>
    void Increment();

    /// <summary>Subtracts one from the gauge.</summary>
    void Decrement();
}
