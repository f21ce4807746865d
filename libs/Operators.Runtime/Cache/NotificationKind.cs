namespace Operators.Runtime.Cache;

/// <summary>The kinds of <see cref="Notification{T}"/>.</summary>
internal enum NotificationKind
{
    /// <summary>An add.</summary>
    Add,

    /// <summary>An update or resync.</summary>
    Update,

    /// <summary>A delete.</summary>
    Delete,
}
