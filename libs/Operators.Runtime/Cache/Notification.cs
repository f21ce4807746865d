namespace Operators.Runtime.Cache;

/// <summary>One queued handler notification.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="Kind">What happened.</param>
/// <param name="Old">The previous state (updates only).</param>
/// <param name="Current">The object (for deletes: its last state).</param>
/// <param name="Flag">isInInitialList, isResync or isFinalStateUnknown, by kind.</param>
internal readonly record struct Notification<T>(NotificationKind Kind, T? Old, T Current, bool Flag);
