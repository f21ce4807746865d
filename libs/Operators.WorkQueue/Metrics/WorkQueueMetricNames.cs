namespace Operators.WorkQueue.Metrics;

/// <summary>
/// The names of the work queue's metrics, the same as controller-runtime's, so dashboards and
/// alerts written for Kubernetes controllers work unchanged. Each carries the labels
/// <see cref="NameLabel"/> and <see cref="ControllerLabel"/>, both set to the queue's name.
/// </summary>
public static class WorkQueueMetricNames
{
    /// <summary>Gauge: items added and not yet handed out.</summary>
    public const string Depth = "workqueue_depth";

    /// <summary>Counter: items that became queued.</summary>
    public const string Adds = "workqueue_adds_total";

    /// <summary>Histogram: seconds an item stayed in the queue before it was handed out.</summary>
    public const string QueueDuration = "workqueue_queue_duration_seconds";

    /// <summary>Histogram: seconds from hand-out to <c>Done</c>.</summary>
    public const string WorkDuration = "workqueue_work_duration_seconds";

    /// <summary>Gauge: seconds of work in progress not yet observed by the work duration, summed over the items in flight.</summary>
    public const string UnfinishedWork = "workqueue_unfinished_work_seconds";

    /// <summary>Gauge: seconds the longest running item in flight has been processed.</summary>
    public const string LongestRunningProcessor = "workqueue_longest_running_processor_seconds";

    /// <summary>Counter: delayed and rate-limited adds.</summary>
    public const string Retries = "workqueue_retries_total";

    /// <summary>The label that carries the queue's name.</summary>
    public const string NameLabel = "name";

    /// <summary>The label that carries the controller's name, which is the queue's name.</summary>
    public const string ControllerLabel = "controller";
}
