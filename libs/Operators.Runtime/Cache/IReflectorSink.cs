using Operators.Runtime.Client;

namespace Operators.Runtime.Cache;

/// <summary>Receives what a <see cref="Reflector{T}"/> learns: whole lists and single watch events.</summary>
/// <typeparam name="T">The resource type.</typeparam>
internal interface IReflectorSink<T>
{
    /// <summary>A complete (re)list: the full current state.</summary>
    void Replace(IReadOnlyList<T> items, string? resourceVersion);

    /// <summary>One ADDED, MODIFIED or DELETED event.</summary>
    void Apply(WatchEvent<T> watchEvent);
}
