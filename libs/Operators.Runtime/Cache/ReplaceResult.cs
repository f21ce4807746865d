namespace Operators.Runtime.Cache;

/// <summary>What a relist changed in an <see cref="Indexer{T}"/>.</summary>
/// <typeparam name="T">The resource type.</typeparam>
internal sealed class ReplaceResult<T>
{
    /// <summary>Gets the objects that were not cached before.</summary>
    public List<T> Added { get; } = [];

    /// <summary>Gets the objects whose resourceVersion changed, with their previous state.</summary>
    public List<(T Old, T New)> Updated { get; } = [];

    /// <summary>Gets the cached objects the relist no longer contains (deletes missed while disconnected).</summary>
    public List<T> Deleted { get; } = [];
}
