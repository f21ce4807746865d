using Operators.WorkQueue.Metrics;

namespace Operators.WorkQueue;

/// <summary>
/// A work queue that can add items later (see <see cref="IDelayingWorkQueue{T}"/>): waiting items
/// sit in a min-heap by ready time, served by one timer of the queue's <see cref="TimeProvider"/>.
/// Thread-safe.
/// </summary>
/// <typeparam name="T">The item type: a key such as a <c>namespace/name</c> string.</typeparam>
public class DelayingWorkQueue<T> : WorkQueue<T>, IDelayingWorkQueue<T>
    where T : notnull
{
    /// <summary>Initializes a new instance of the <see cref="DelayingWorkQueue{T}"/> class.</summary>
    /// <param name="options">The queue's name and settings; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The source of time for delays; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="metricsProvider">Where metrics go; none when <see langword="null"/> (and none for an unnamed queue).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public DelayingWorkQueue(WorkQueueOptions? options = null, TimeProvider? timeProvider = null, IWorkQueueMetricsProvider? metricsProvider = null)
        : base(options, timeProvider, metricsProvider)
    {
    }

    /// <inheritdoc />
    public void AddAfter(T item, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(item);
        Core.Add(item, WorkQueuePriority.Normal, delay, isRetry: true);
    }
}
