namespace Operators.WorkQueue;

/// <summary>Well-known priorities of <see cref="IPriorityWorkQueue{T}"/>, the same as controller-runtime's.</summary>
public static class WorkQueuePriority
{
    /// <summary>For items from an initial list or a periodic resync: real changes overtake them.</summary>
    public const int Low = -100;

    /// <summary>For everything else; what the adds without a priority use.</summary>
    public const int Normal = 0;
}
