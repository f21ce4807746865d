namespace Operators.LocalApiServer.Storage;

/// <summary>
/// One change of the store, kept in the bounded history: the new state (for a deletion, the
/// last state at the deletion's resourceVersion) and the state before it.
/// </summary>
internal sealed record StoreEvent(WatchEventType Type, ResourceType Resource, StoredObject Object, StoredObject? Previous)
{
    /// <summary>The resourceVersion of the change.</summary>
    public long ResourceVersion => Object.ResourceVersion;
}
