using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue;

/// <summary>
/// A delaying work queue that asks a rate limiter how long an item should wait, for retries with
/// backoff. Call <see cref="Forget"/> when an item succeeds (or is given up), or its failures are
/// remembered forever.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IRateLimitingWorkQueue<T> : IDelayingWorkQueue<T>
    where T : notnull
{
    /// <summary>Adds <paramref name="item"/> after the delay that the rate limiter gives (<see cref="IRateLimiter{T}.When"/>).</summary>
    /// <param name="item">The item.</param>
    void AddRateLimited(T item);

    /// <summary>
    /// Tells the rate limiter to stop tracking <paramref name="item"/>, so its next failure starts
    /// from the first delay again. It does not mark the item done: still call <see cref="IWorkQueue{T}.Done"/>.
    /// </summary>
    /// <param name="item">The item.</param>
    void Forget(T item);

    /// <summary>Returns how many times <paramref name="item"/> was requeued with <see cref="AddRateLimited"/> since it was last forgotten.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The number of rate-limited requeues.</returns>
    int NumRequeues(T item);
}
