using System.Diagnostics.CodeAnalysis;

namespace Operators.WorkQueue.RateLimiting;

/// <summary>
/// Decides how long an item waits before it is retried. Implementations are thread-safe: the
/// queue asks them from any thread, outside its own lock.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IRateLimiter<T>
    where T : notnull
{
    /// <summary>Returns how long <paramref name="item"/> should wait now, and counts one more requeue of it.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The delay; <see cref="TimeSpan.Zero"/> for none.</returns>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The rate limiter's vocabulary since client-go.")]
    TimeSpan When(T item);

    /// <summary>Stops tracking <paramref name="item"/>: its next delay starts over. Whether it succeeded or was given up does not matter.</summary>
    /// <param name="item">The item.</param>
    void Forget(T item);

    /// <summary>Returns how many times <paramref name="item"/> was requeued since it was last forgotten.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The number of requeues; 0 for a limiter that does not count per item.</returns>
    int NumRequeues(T item);
}
