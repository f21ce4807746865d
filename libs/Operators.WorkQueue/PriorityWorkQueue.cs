using Operators.WorkQueue.Metrics;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue;

/// <summary>
/// A rate-limiting work queue with priorities (see <see cref="IPriorityWorkQueue{T}"/>), in the
/// manner of controller-runtime's priority queue. Thread-safe.
/// </summary>
/// <typeparam name="T">The item type: a key such as a <c>namespace/name</c> string.</typeparam>
public sealed class PriorityWorkQueue<T> : RateLimitingWorkQueue<T>, IPriorityWorkQueue<T>
    where T : notnull
{
    /// <summary>Initializes a new instance of the <see cref="PriorityWorkQueue{T}"/> class.</summary>
    /// <param name="options">The queue's name and settings; the defaults when <see langword="null"/>.</param>
    /// <param name="rateLimiter">
    /// The rate limiter; when <see langword="null"/>, <see cref="DefaultControllerRateLimiter.Create{T}(TimeProvider?)"/>
    /// on the queue's time provider.
    /// </param>
    /// <param name="timeProvider">The source of time for delays; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="metricsProvider">Where metrics go; none when <see langword="null"/> (and none for an unnamed queue).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public PriorityWorkQueue(
        WorkQueueOptions? options = null,
        IRateLimiter<T>? rateLimiter = null,
        TimeProvider? timeProvider = null,
        IWorkQueueMetricsProvider? metricsProvider = null)
        : base(options, rateLimiter, timeProvider, metricsProvider)
    {
    }

    /// <inheritdoc />
    public void Add(T item, AddOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        var delay = options.After;
        if (options.RateLimited)
        {
            var limited = RateLimiter.When(item);
            if (delay <= TimeSpan.Zero || limited < delay)
            {
                delay = limited;
            }
        }

        Core.Add(item, options.Priority, delay, isRetry: options.RateLimited || options.After > TimeSpan.Zero);
    }

    /// <inheritdoc />
    public ValueTask<(T Item, int Priority, bool Shutdown)> GetWithPriorityAsync(CancellationToken cancellationToken = default) =>
        Core.GetWithPriorityAsync(cancellationToken);
}
