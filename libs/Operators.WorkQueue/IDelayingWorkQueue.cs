namespace Operators.WorkQueue;

/// <summary>
/// A work queue that can also add an item later, for requeues after a delay without a hot loop.
/// Time comes from the queue's <see cref="TimeProvider"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IDelayingWorkQueue<T> : IWorkQueue<T>
    where T : notnull
{
    /// <summary>
    /// Adds <paramref name="item"/> once <paramref name="delay"/> has passed. One entry per item:
    /// if the item already waits, the earlier of the two times is kept; if it is already queued,
    /// nothing changes (it is ready sooner); a later <see cref="IWorkQueue{T}.Add"/> makes it ready
    /// at once. A delay that is zero or negative is an <see cref="IWorkQueue{T}.Add"/>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="delay">How long to wait.</param>
    void AddAfter(T item, TimeSpan delay);
}
