namespace Operators.Runtime.Client;

/// <summary>Options of a watch request.</summary>
public sealed record WatchOptions
{
    /// <summary>Gets a label selector, e.g. <c>app=nova</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Gets a field selector, e.g. <c>metadata.name=foo</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Gets the resourceVersion to watch from; null or <c>0</c> starts with synthetic ADDED events for every object.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Gets a value indicating whether the server may send BOOKMARK events that advance the resourceVersion.</summary>
    public bool AllowWatchBookmarks { get; init; }

    /// <summary>Gets the server-side timeout after which the server ends the watch.</summary>
    public int? TimeoutSeconds { get; init; }
}
