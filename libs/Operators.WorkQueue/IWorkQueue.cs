namespace Operators.WorkQueue;

/// <summary>
/// A work queue with client-go's promises: <b>fair</b> (items are handed out in the order they
/// were added), <b>stingy</b> (an item added many times before it is handed out is queued and
/// processed once), <b>never concurrent per item</b> (an item added while it is processed is
/// handed out again only after <see cref="Done"/>), <b>many producers and consumers</b>, and an
/// orderly <b>shutdown</b>.
/// </summary>
/// <remarks>
/// A consumer loop: <c>var (item, shutdown) = await queue.GetAsync(ct); if (shutdown) return;</c>
/// process <c>item</c>, then call <see cref="Done"/> with it, whatever the outcome.
/// Items are compared with <see cref="EqualityComparer{T}.Default"/>: use keys (such as
/// <c>namespace/name</c> strings), not mutable objects.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public interface IWorkQueue<T> : IDisposable
    where T : notnull
{
    /// <summary>Gets the number of items ready to be handed out (not those waiting, nor those being processed).</summary>
    int Count { get; }

    /// <summary>Gets a value indicating whether the queue was shut down.</summary>
    bool IsShuttingDown { get; }

    /// <summary>
    /// Marks <paramref name="item"/> as needing processing. Nothing happens when it is already
    /// queued; when it is being processed, it is queued again by <see cref="Done"/>. Ignored after
    /// shutdown.
    /// </summary>
    /// <param name="item">The item.</param>
    void Add(T item);

    /// <summary>
    /// Takes the next item, waiting until there is one. The caller owns the item until it calls
    /// <see cref="Done"/>. When <c>Shutdown</c> is <see langword="true"/> the queue was shut down,
    /// <c>Item</c> is <see langword="default"/>, and the consumer should stop.
    /// </summary>
    /// <remarks>Await the result exactly once (it may come from a pooled source).</remarks>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>; an item is never lost to it.</param>
    /// <returns>The item, or the shutdown.</returns>
    ValueTask<(T Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the end of processing of <paramref name="item"/>. If it was added meanwhile, it joins
    /// the back of the queue now. An item that was not handed out is ignored.
    /// </summary>
    /// <param name="item">The item that <see cref="GetAsync"/> returned.</param>
    void Done(T item);

    /// <summary>
    /// Shuts the queue down: later adds are ignored, waiting and later <see cref="GetAsync"/> calls
    /// return <c>Shutdown</c> at once, and items not yet handed out are dropped. Items being
    /// processed still take their <see cref="Done"/>. Ends a drain in progress. Safe to call more than once.
    /// </summary>
    void ShutDown();

    /// <summary>
    /// Shuts the queue down as <see cref="ShutDown"/> does, then waits until every item handed out
    /// has been marked <see cref="Done"/>. A later <see cref="ShutDown"/> ends the wait early.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the queue stays shut down).</param>
    /// <returns>A task that completes when nothing is being processed.</returns>
    ValueTask ShutDownWithDrainAsync(CancellationToken cancellationToken = default);
}
