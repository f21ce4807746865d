using Operators.WorkQueue.Metrics;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue;

/// <summary>
/// A delaying work queue whose retries wait as long as a rate limiter says (see
/// <see cref="IRateLimitingWorkQueue{T}"/>). Thread-safe.
/// </summary>
/// <typeparam name="T">The item type: a key such as a <c>namespace/name</c> string.</typeparam>
public class RateLimitingWorkQueue<T> : DelayingWorkQueue<T>, IRateLimitingWorkQueue<T>
    where T : notnull
{
    /// <summary>Initializes a new instance of the <see cref="RateLimitingWorkQueue{T}"/> class.</summary>
    /// <param name="options">The queue's name and settings; the defaults when <see langword="null"/>.</param>
    /// <param name="rateLimiter">
    /// The rate limiter; when <see langword="null"/>, <see cref="DefaultControllerRateLimiter.Create{T}(TimeProvider?)"/>
    /// on the queue's time provider.
    /// </param>
    /// <param name="timeProvider">The source of time for delays; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="metricsProvider">Where metrics go; none when <see langword="null"/> (and none for an unnamed queue).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public RateLimitingWorkQueue(
        WorkQueueOptions? options = null,
        IRateLimiter<T>? rateLimiter = null,
        TimeProvider? timeProvider = null,
        IWorkQueueMetricsProvider? metricsProvider = null)
        : base(options, timeProvider, metricsProvider)
    {
        RateLimiter = rateLimiter ?? DefaultControllerRateLimiter.Create<T>(TimeProvider);
    }

    /// <summary>Gets the rate limiter that <see cref="AddRateLimited"/> asks.</summary>
    private protected IRateLimiter<T> RateLimiter { get; }

    /// <inheritdoc />
    public void AddRateLimited(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Core.Add(item, WorkQueuePriority.Normal, RateLimiter.When(item), isRetry: true);
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        RateLimiter.Forget(item);
    }

    /// <inheritdoc />
    public int NumRequeues(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RateLimiter.NumRequeues(item);
    }
}
