using System.ComponentModel.DataAnnotations;

namespace Operators.WorkQueue;

/// <summary>Configures a work queue. Validated when the queue is built.</summary>
public sealed class WorkQueueOptions
{
    /// <summary>The default <see cref="UnfinishedWorkUpdatePeriod"/>: half a second, as in client-go.</summary>
    public static readonly TimeSpan DefaultUnfinishedWorkUpdatePeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets the queue's name, the value of the <c>name</c> and <c>controller</c> labels of
    /// its metrics. Use the controller's name.
    /// </summary>
    /// <value>The default value is an empty string: an unnamed queue records no metrics.</value>
    [Required(AllowEmptyStrings = true)]
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how often the <c>workqueue_unfinished_work_seconds</c> and
    /// <c>workqueue_longest_running_processor_seconds</c> gauges are updated (by a timer of the
    /// queue's <see cref="TimeProvider"/>, only while the queue records metrics).
    /// </summary>
    /// <value>The default value is <see cref="DefaultUnfinishedWorkUpdatePeriod"/> (500 ms); from 1 ms to 1 hour.</value>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan UnfinishedWorkUpdatePeriod { get; set; } = DefaultUnfinishedWorkUpdatePeriod;
}
