using System.Text.Json.Nodes;
using System.Threading.Channels;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// The server's state: every object of every resource, one global strictly increasing
/// resourceVersion (like etcd's revision), a bounded history of changes for watches to resume
/// from, and the open watches. All writes are serialized under one lock; readers get immutable
/// <see cref="StoredObject"/>s.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private long _watchesDropped;
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Storage, string Key)> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependentsByOwnerUid = new(StringComparer.Ordinal);
    private readonly Queue<StoreEvent> _history = new();
    private readonly Dictionary<string, List<IWatchSink>> _watchers = new(StringComparer.Ordinal);
    private readonly List<ChannelWriter<StoreEvent>> _listeners = [];
    private readonly int _historyLimit;
    private long _resourceVersion;
    private long _oldestResumableVersion;

    /// <summary>Creates an empty store whose first write gets a resourceVersion above <paramref name="startVersion"/>.</summary>
    public ObjectStore(int historyLimit, long startVersion)
    {
        _historyLimit = historyLimit;
        _resourceVersion = startVersion;
        _oldestResumableVersion = startVersion;
    }

    /// <summary>Called for every committed change, under the store's lock (must be quick and never call back into the store).</summary>
    public Action<StoreEvent>? Committed { get; set; }

    /// <summary>The newest resourceVersion handed out.</summary>
    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>The storage name of a resource; events.k8s.io events share core events' storage.</summary>
    public static string StorageOf(ResourceType type) =>
        type is { Group: "events.k8s.io", Plural: "events" } ? "/events" : type.Group + "/" + type.Plural;

    /// <summary>The object, or null.</summary>
    public StoredObject? Get(string storage, string ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(storage, out var map) && map.TryGetValue(StoredObject.StoreKey(ns, name), out var o) ? o : null;
        }
    }

    /// <summary>The object with this uid and the storage it lives in, or null.</summary>
    public (string Storage, StoredObject Object)? GetByUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.TryGetValue(uid, out var at) ? (at.Storage, _objects[at.Storage][at.Key]) : null;
        }
    }

    /// <summary>Every object that lists <paramref name="ownerUid"/> in its ownerReferences, with its storage.</summary>
    public IReadOnlyList<(string Storage, StoredObject Object)> Dependents(string ownerUid)
    {
        lock (_gate)
        {
            if (!_dependentsByOwnerUid.TryGetValue(ownerUid, out var uids))
            {
                return [];
            }

            return uids.Where(_byUid.ContainsKey)
                .Select(u => _byUid[u])
                .Select(at => (at.Storage, _objects[at.Storage][at.Key]))
                .ToList();
        }
    }

    /// <summary>Every object of a storage in one namespace (or all, when null), in key order.</summary>
    public IReadOnlyList<StoredObject> All(string storage, string? ns = null)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(storage, out var map))
            {
                return [];
            }

            return ns is null ? map.Values.ToList() : map.Values.Where(o => o.Namespace == ns).ToList();
        }
    }

    /// <summary>The names of every storage that holds objects.</summary>
    public IReadOnlyList<string> Storages()
    {
        lock (_gate)
        {
            return _objects.Keys.ToList();
        }
    }

    /// <summary>
    /// A page of objects in key order, starting after <paramref name="startAfterKey"/>, at most
    /// <paramref name="limit"/> items (0 = all) that match <paramref name="filter"/>.
    /// </summary>
    public ListPage List(string storage, string? ns, string? startAfterKey, int limit, Func<StoredObject, bool> filter)
    {
        lock (_gate)
        {
            var items = new List<StoredObject>();
            if (!_objects.TryGetValue(storage, out var map))
            {
                return new ListPage(items, _resourceVersion, null, 0);
            }

            string? lastKey = null;
            var remaining = 0L;
            var prefix = ns is null ? null : ns + "/";
            foreach (var (key, obj) in map)
            {
                if (startAfterKey is not null && string.CompareOrdinal(key, startAfterKey) <= 0)
                {
                    continue;
                }

                if (prefix is not null && !key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!filter(obj))
                {
                    continue;
                }

                if (limit > 0 && items.Count >= limit)
                {
                    remaining++;
                    continue;
                }

                items.Add(obj);
                lastKey = key;
            }

            return new ListPage(items, _resourceVersion, remaining > 0 ? lastKey : null, remaining);
        }
    }

    /// <summary>Throws 410 Expired when <paramref name="resourceVersion"/> is older than the kept history.</summary>
    public void EnsureResumable(long resourceVersion, string what)
    {
        lock (_gate)
        {
            if (resourceVersion < _oldestResumableVersion)
            {
                throw ApiException.Expired($"{what}: too old resource version: {resourceVersion} ({_oldestResumableVersion})");
            }
        }
    }

    /// <summary>Stores a new object; 409 AlreadyExists when the name is taken.</summary>
    public StoredObject Create(ResourceType type, JsonObject obj)
    {
        var storage = StorageOf(type);
        lock (_gate)
        {
            var map = MapOf(storage);
            var meta = obj["metadata"]!.AsObject();
            var key = StoredObject.StoreKey((string?)meta["namespace"] ?? "", (string)meta["name"]!);
            if (map.ContainsKey(key))
            {
                throw ApiException.AlreadyExists(type.Group, type.Plural, (string)meta["name"]!);
            }

            var stored = StoredObject.From(obj, ++_resourceVersion);
            Put(storage, map, stored, previous: null);
            Publish(new StoreEvent(WatchEventType.Added, type, stored, null));
            return stored;
        }
    }

    /// <summary>Replaces an object if its resourceVersion is still <paramref name="expectedVersion"/>.</summary>
    public StoredObject Update(ResourceType type, JsonObject obj, long expectedVersion)
    {
        var storage = StorageOf(type);
        lock (_gate)
        {
            var map = MapOf(storage);
            var meta = obj["metadata"]!.AsObject();
            var key = StoredObject.StoreKey((string?)meta["namespace"] ?? "", (string)meta["name"]!);
            if (!map.TryGetValue(key, out var current) || current.ResourceVersion != expectedVersion)
            {
                throw new StaleResourceVersionException();
            }

            var stored = StoredObject.From(obj, ++_resourceVersion);
            Put(storage, map, stored, current);
            Publish(new StoreEvent(WatchEventType.Modified, type, stored, current));
            return stored;
        }
    }

    /// <summary>Removes an object if its resourceVersion is still <paramref name="expectedVersion"/>.</summary>
    public StoredObject Delete(ResourceType type, string ns, string name, long expectedVersion)
    {
        var storage = StorageOf(type);
        lock (_gate)
        {
            var map = MapOf(storage);
            var key = StoredObject.StoreKey(ns, name);
            if (!map.TryGetValue(key, out var current) || current.ResourceVersion != expectedVersion)
            {
                throw new StaleResourceVersionException();
            }

            map.Remove(key);
            _byUid.Remove(current.Uid);
            foreach (var owner in current.OwnerUids)
            {
                _dependentsByOwnerUid.GetValueOrDefault(owner)?.Remove(current.Uid);
            }

            var last = current.WithResourceVersion(++_resourceVersion);
            Publish(new StoreEvent(WatchEventType.Deleted, type, last, current));
            return last;
        }
    }

    /// <summary>
    /// Registers a watch. With <paramref name="fromVersion"/> 0 the current objects are first
    /// offered as ADDED (in key order, through <paramref name="initial"/>); otherwise every kept
    /// change after it is replayed. 410 Expired when it is older than the kept history.
    /// </summary>
    public void Watch(IWatchSink sink, long fromVersion, Action<StoredObject> initial)
    {
        lock (_gate)
        {
            if (fromVersion == 0)
            {
                if (_objects.TryGetValue(sink.Storage, out var map))
                {
                    foreach (var obj in map.Values)
                    {
                        initial(obj);
                    }
                }
            }
            else
            {
                if (fromVersion < _oldestResumableVersion)
                {
                    throw ApiException.Expired($"too old resource version: {fromVersion} ({_oldestResumableVersion})");
                }

                foreach (var change in _history)
                {
                    if (change.ResourceVersion > fromVersion && StorageOf(change.Resource) == sink.Storage && !sink.TryDeliver(change))
                    {
                        sink.Close();
                        return;
                    }

                    if (WatchEventLimit > 0 && sink.Sent >= WatchEventLimit)
                    {
                        sink.End();
                        Interlocked.Increment(ref _watchesDropped);
                        return;
                    }
                }
            }

            if (!_watchers.TryGetValue(sink.Storage, out var list))
            {
                list = [];
                _watchers[sink.Storage] = list;
            }

            list.Add(sink);
        }
    }

    /// <summary>Removes a watch (when its client went away).</summary>
    public void Unwatch(IWatchSink sink)
    {
        lock (_gate)
        {
            _watchers.GetValueOrDefault(sink.Storage)?.Remove(sink);
        }
    }

    /// <summary>
    /// Gets or sets after how many events every watch is ended (a fault: clients resume from their last
    /// resourceVersion); 0 (the default) never ends a watch for that reason.
    /// </summary>
    public int WatchEventLimit { get; set; }

    /// <summary>Gets how many watches were ended by <see cref="DropWatches"/> or <see cref="WatchEventLimit"/>.</summary>
    public long WatchesDropped => Interlocked.Read(ref _watchesDropped);

    /// <summary>Ends every open watch; clients resume from their last resourceVersion.</summary>
    public void DropWatches()
    {
        List<IWatchSink> all;
        lock (_gate)
        {
            all = _watchers.Values.SelectMany(l => l).ToList();
            _watchers.Clear();
        }

        Interlocked.Add(ref _watchesDropped, all.Count);

        foreach (var sink in all)
        {
            sink.Close();
        }
    }

    /// <summary>Forgets the history: a watch or continue token from before now gets 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _oldestResumableVersion = _resourceVersion;
        }
    }

    /// <summary>Subscribes an in-process controller to every change.</summary>
    public ChannelReader<StoreEvent> Subscribe()
    {
        var channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _listeners.Add(channel.Writer);
        }

        return channel.Reader;
    }

    private SortedDictionary<string, StoredObject> MapOf(string storage)
    {
        if (!_objects.TryGetValue(storage, out var map))
        {
            map = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _objects[storage] = map;
        }

        return map;
    }

    private void Put(string storage, SortedDictionary<string, StoredObject> map, StoredObject stored, StoredObject? previous)
    {
        map[stored.Key] = stored;
        _byUid[stored.Uid] = (storage, stored.Key);
        foreach (var owner in previous?.OwnerUids ?? [])
        {
            _dependentsByOwnerUid.GetValueOrDefault(owner)?.Remove(stored.Uid);
        }

        foreach (var owner in stored.OwnerUids)
        {
            if (!_dependentsByOwnerUid.TryGetValue(owner, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _dependentsByOwnerUid[owner] = set;
            }

            set.Add(stored.Uid);
        }
    }

    private void Publish(StoreEvent change)
    {
        Committed?.Invoke(change);
        _history.Enqueue(change);
        while (_history.Count > _historyLimit)
        {
            _oldestResumableVersion = _history.Dequeue().ResourceVersion;
        }

        if (_watchers.TryGetValue(StorageOf(change.Resource), out var sinks))
        {
            for (var i = sinks.Count - 1; i >= 0; i--)
            {
                if (!sinks[i].TryDeliver(change))
                {
                    var dropped = sinks[i];
                    sinks.RemoveAt(i);
                    dropped.Close();
                }
                else if (WatchEventLimit > 0 && sinks[i].Sent >= WatchEventLimit)
                {
                    var ended = sinks[i];
                    sinks.RemoveAt(i);
                    ended.End();
                    Interlocked.Increment(ref _watchesDropped);
                }
            }
        }

        foreach (var listener in _listeners)
        {
            listener.TryWrite(change);
        }
    }
}
