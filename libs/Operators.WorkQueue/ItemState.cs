namespace Operators.WorkQueue;

/// <summary>Where a known item stands in the queue.</summary>
internal enum ItemStatus : byte
{
    /// <summary>Not queued; the item is only known because it is being processed.</summary>
    Idle,

    /// <summary>In the ready line, waiting for a consumer.</summary>
    Ready,

    /// <summary>In the waiting heap, until its ready time.</summary>
    Waiting,

    /// <summary>Added again while being processed; it joins the ready line on <c>Done</c>.</summary>
    Dirty,
}

/// <summary>
/// Everything the queue knows about one item. One entry per item: an item is queued at most once,
/// and the ticket names the one node of the ready line or waiting heap that stands for it (older
/// nodes are stale and skipped).
/// </summary>
internal struct ItemState
{
    public ItemStatus Status;
    public bool Processing;
    public int Priority;
    public long Ticket;

    /// <summary>When the item becomes ready (a <see cref="TimeProvider"/> timestamp), while waiting.</summary>
    public long ReadyAt;

    /// <summary>When the item was added (a timestamp), for the queue-duration metric.</summary>
    public long AddedAt;

    /// <summary>The item's slot in the in-flight list while it is processed, for the work metrics.</summary>
    public int InFlightSlot;
}
