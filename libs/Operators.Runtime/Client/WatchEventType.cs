namespace Operators.Runtime.Client;

/// <summary>The type of a watch event, as the API server names it in the <c>type</c> field.</summary>
public enum WatchEventType
{
    /// <summary><c>ADDED</c>: the object appeared (or entered the selector).</summary>
    Added,

    /// <summary><c>MODIFIED</c>: the object changed.</summary>
    Modified,

    /// <summary><c>DELETED</c>: the object is gone (or left the selector); the event carries its last state.</summary>
    Deleted,

    /// <summary><c>BOOKMARK</c>: no change; the object carries only the resourceVersion the watch has reached.</summary>
    Bookmark,
}
