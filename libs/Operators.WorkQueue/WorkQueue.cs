using Operators.WorkQueue.Metrics;

namespace Operators.WorkQueue;

/// <summary>
/// The plain work queue: fair, stingy, never concurrent per item, with many producers and
/// consumers (see <see cref="IWorkQueue{T}"/>). Thread-safe.
/// </summary>
/// <typeparam name="T">The item type: a key such as a <c>namespace/name</c> string.</typeparam>
public class WorkQueue<T> : IWorkQueue<T>
    where T : notnull
{
    /// <summary>Initializes a new instance of the <see cref="WorkQueue{T}"/> class.</summary>
    /// <param name="options">The queue's name and settings; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The source of time; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="metricsProvider">Where metrics go; none when <see langword="null"/> (and none for an unnamed queue).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? timeProvider = null, IWorkQueueMetricsProvider? metricsProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Core = new QueueCore<T>(
            OptionsGuard.Validated(options ?? new WorkQueueOptions(), new WorkQueueOptionsValidator()),
            TimeProvider,
            metricsProvider);
    }

    /// <inheritdoc />
    public int Count => Core.Count;

    /// <inheritdoc />
    public bool IsShuttingDown => Core.IsShuttingDown;

    /// <summary>Gets the queue's source of time.</summary>
    private protected TimeProvider TimeProvider { get; }

    private protected QueueCore<T> Core { get; }

    /// <inheritdoc />
    public void Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Core.Add(item, WorkQueuePriority.Normal, TimeSpan.Zero, isRetry: false);
    }

    /// <inheritdoc />
    public ValueTask<(T Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken = default) => Core.GetAsync(cancellationToken);

    /// <inheritdoc />
    public void Done(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Core.Done(item);
    }

    /// <inheritdoc />
    public void ShutDown() => Core.ShutDown();

    /// <inheritdoc />
    public ValueTask ShutDownWithDrainAsync(CancellationToken cancellationToken = default) => Core.ShutDownWithDrainAsync(cancellationToken);

    /// <summary>Shuts the queue down (<see cref="ShutDown"/>) and releases its timers.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Shuts the queue down and releases its timers.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Core.Dispose();
        }
    }
}
