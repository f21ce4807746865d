namespace Operators.LocalApiServer.Storage;

/// <summary>
/// The store's side of one watch. Called under the store's lock, so it must only filter and
/// enqueue; it never blocks.
/// </summary>
internal interface IWatchSink
{
    /// <summary>The storage the watch observes (see <see cref="ObjectStore.StorageOf"/>).</summary>
    string Storage { get; }

    /// <summary>How many events this watch has been given so far (changes it did not match are not counted).</summary>
    int Sent { get; }

    /// <summary>Offers a change; returns false when the watcher cannot keep up and must be dropped.</summary>
    bool TryDeliver(StoreEvent change);

    /// <summary>Ends the watch once the client has the events already queued (a fault that ends watches cleanly).</summary>
    void End();

    /// <summary>Ends the watch (dropped, compacted away or server stopping).</summary>
    void Close();
}
