namespace Operators.WorkQueue.Metrics;

/// <summary>
/// Makes the instruments of a named queue, one method per metric of
/// <see cref="WorkQueueMetricNames"/>. A queue asks once, when it is built, and only when it has a
/// name. Implement it to send the work queue's metrics to another backend.
/// </summary>
public interface IWorkQueueMetricsProvider
{
    /// <summary>Makes the <see cref="WorkQueueMetricNames.Depth"/> gauge: items added and not yet handed out.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The gauge.</returns>
    IGaugeMetric CreateDepthMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.Adds"/> counter: items that became queued.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The counter.</returns>
    ICounterMetric CreateAddsMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.QueueDuration"/> histogram: seconds from add to hand-out.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The histogram.</returns>
    IHistogramMetric CreateQueueDurationMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.WorkDuration"/> histogram: seconds from hand-out to <c>Done</c>.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The histogram.</returns>
    IHistogramMetric CreateWorkDurationMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.UnfinishedWork"/> gauge: seconds of work in progress, summed.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The gauge.</returns>
    ISettableGaugeMetric CreateUnfinishedWorkMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.LongestRunningProcessor"/> gauge: seconds the oldest item in flight has run.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The gauge.</returns>
    ISettableGaugeMetric CreateLongestRunningProcessorMetric(string name);

    /// <summary>Makes the <see cref="WorkQueueMetricNames.Retries"/> counter: delayed and rate-limited adds.</summary>
    /// <param name="name">The queue's name.</param>
    /// <returns>The counter.</returns>
    ICounterMetric CreateRetriesMetric(string name);
}
