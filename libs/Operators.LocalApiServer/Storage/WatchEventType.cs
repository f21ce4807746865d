namespace Operators.LocalApiServer.Storage;

/// <summary>The type of a watch event.</summary>
internal enum WatchEventType
{
    /// <summary>An object was created, or entered a watch's selection.</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was removed, or left a watch's selection.</summary>
    Deleted,
}
