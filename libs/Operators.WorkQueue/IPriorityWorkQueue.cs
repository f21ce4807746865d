namespace Operators.WorkQueue;

/// <summary>
/// A rate-limiting work queue whose items carry a priority: the highest priority is handed out
/// first, first in first out within one priority. Adding an item that is already queued or
/// waiting keeps one entry with the higher of the two priorities and the sooner of the two times.
/// Items from initial lists and resyncs use <see cref="WorkQueuePriority.Low"/>, so real changes
/// overtake them.
/// </summary>
/// <remarks>
/// The other adds of this queue use <see cref="WorkQueuePriority.Normal"/>. An item whose priority
/// is raised while queued joins the back of its new priority's line.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public interface IPriorityWorkQueue<T> : IRateLimitingWorkQueue<T>
    where T : notnull
{
    /// <summary>
    /// Adds <paramref name="item"/> with a priority, now or later: after <see cref="AddOptions.After"/>,
    /// or after the rate limiter's delay when <see cref="AddOptions.RateLimited"/> is set (the
    /// shorter of the two when both are given).
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="options">The priority and delay.</param>
    void Add(T item, AddOptions options);

    /// <summary>Takes the next item and the priority it was queued with, as <see cref="IWorkQueue{T}.GetAsync"/> does.</summary>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The item and its priority, or the shutdown.</returns>
    ValueTask<(T Item, int Priority, bool Shutdown)> GetWithPriorityAsync(CancellationToken cancellationToken = default);
}
