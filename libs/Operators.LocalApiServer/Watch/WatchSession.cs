using System.Threading.Channels;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Watch;

/// <summary>
/// One open watch as the store sees it: it turns store changes into the events this watcher
/// must get (an object leaving the selection is DELETED, one entering it ADDED) and buffers them.
/// A watcher that falls <see cref="Capacity"/> events behind is dropped; it resumes from its
/// last resourceVersion like after any dropped connection.
/// </summary>
internal sealed class WatchSession(string storage, WatchFilter filter, int capacity) : IWatchSink, IDisposable
{
    private readonly CancellationTokenSource _closed = new();

    private readonly Channel<(WatchEventType Type, StoredObject Object)> _events =
        Channel.CreateBounded<(WatchEventType, StoredObject)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private int _sent;

    /// <summary>How many events may wait for the client before it is dropped.</summary>
    public int Capacity { get; } = capacity;

    /// <inheritdoc />
    public string Storage { get; } = storage;

    /// <summary>The events to send, in order.</summary>
    public ChannelReader<(WatchEventType Type, StoredObject Object)> Events => _events.Reader;

    /// <inheritdoc />
    public bool TryDeliver(StoreEvent change)
    {
        var now = filter.Matches(change.Object);
        var before = change.Previous is not null && change.Type == WatchEventType.Modified && filter.Matches(change.Previous);
        (WatchEventType, StoredObject)? send = change.Type switch
        {
            WatchEventType.Added when now => (WatchEventType.Added, change.Object),
            WatchEventType.Deleted when now => (WatchEventType.Deleted, change.Object),
            WatchEventType.Modified when now && before => (WatchEventType.Modified, change.Object),
            WatchEventType.Modified when now => (WatchEventType.Added, change.Object),
            WatchEventType.Modified when before => (WatchEventType.Deleted, change.Previous!.WithResourceVersion(change.ResourceVersion)),
            _ => null,
        };
        if (send is null)
        {
            return true;
        }

        if (!_events.Writer.TryWrite(send.Value))
        {
            return false;
        }

        _sent++;
        return true;
    }

    /// <inheritdoc />
    public int Sent => _sent;

    /// <summary>Cancelled when the watch is closed, so a write blocked on a client that does not read is abandoned.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <inheritdoc />
    public void End() => _events.Writer.TryComplete();

    /// <inheritdoc />
    public void Close()
    {
        if (_events.Writer.TryComplete())
        {
            // Called under the store's lock: run cancellation callbacks elsewhere.
            _ = _closed.CancelAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _closed.Dispose();
}
