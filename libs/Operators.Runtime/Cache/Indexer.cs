using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// A thread-safe object cache keyed <c>namespace/name</c> with indexes: by namespace
/// (<see cref="CacheIndexes.Namespace"/>), by controller owner UID (<see cref="CacheIndexes.ControllerUid"/>)
/// and any added with <see cref="AddIndex"/>. A transform runs on every object before it is cached
/// (by default <see cref="ObjectTransforms.DropManagedFields{T}"/>).
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class Indexer<T> : IIndexer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);
    private readonly Func<T, T> _transform;

    /// <summary>Initializes a new instance of the <see cref="Indexer{T}"/> class.</summary>
    /// <param name="transform">Applied to every object before it is cached; <see cref="ObjectTransforms.DropManagedFields{T}"/> when null.</param>
    public Indexer(Func<T, T>? transform = null)
    {
        _transform = transform ?? ObjectTransforms.DropManagedFields;
        AddIndex(CacheIndexes.Namespace, CacheIndexes.ByNamespace);
        AddIndex(CacheIndexes.ControllerUid, CacheIndexes.ByControllerUid);
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public T? GetByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListKeys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<T> ByIndex(string indexName, string indexedValue)
    {
        ArgumentNullException.ThrowIfNull(indexName);
        ArgumentNullException.ThrowIfNull(indexedValue);
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index named '{indexName}'.", nameof(indexName));
            }

            return index.Values.TryGetValue(indexedValue, out var keys) ? [.. keys.Select(key => _items[key])] : [];
        }
    }

    /// <inheritdoc />
    public void AddIndex(string indexName, Func<T, IEnumerable<string>> indexFunction)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        ArgumentNullException.ThrowIfNull(indexFunction);
        lock (_gate)
        {
            if (_indexes.ContainsKey(indexName))
            {
                throw new ArgumentException($"An index named '{indexName}' exists.", nameof(indexName));
            }

            var index = new Index(indexFunction);
            foreach (var (key, item) in _items)
            {
                index.Add(key, item);
            }

            _indexes.Add(indexName, index);
        }
    }

    /// <summary>Transforms and caches an object, replacing any with the same key.</summary>
    /// <returns>The cached (transformed) object and the one it replaced, if any.</returns>
    public (T Current, T? Previous) Upsert(T obj)
    {
        var current = _transform(obj);
        var key = CacheKey.For(current);
        lock (_gate)
        {
            var previous = PutLocked(key, current);
            return (current, previous);
        }
    }

    /// <summary>Removes the object with a key.</summary>
    /// <returns>The removed object, or null when there was none.</returns>
    public T? Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>
    /// Replaces the whole content with <paramref name="objects"/> (a relist) and reports the difference:
    /// new keys, changed resourceVersions, and keys that disappeared (deletes missed while disconnected).
    /// </summary>
    internal ReplaceResult<T> Replace(IEnumerable<T> objects)
    {
        var incoming = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            var transformed = _transform(obj);
            incoming[CacheKey.For(transformed)] = transformed;
        }

        var result = new ReplaceResult<T>();
        lock (_gate)
        {
            foreach (var key in _items.Keys.Where(key => !incoming.ContainsKey(key)).ToList())
            {
                result.Deleted.Add(RemoveLocked(key)!);
            }

            foreach (var (key, obj) in incoming)
            {
                var previous = PutLocked(key, obj);
                if (previous is null)
                {
                    result.Added.Add(obj);
                }
                else if (previous.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    result.Updated.Add((previous, obj));
                }
            }
        }

        return result;
    }

    private T? PutLocked(string key, T obj)
    {
        var previous = _items.GetValueOrDefault(key);
        foreach (var index in _indexes.Values)
        {
            if (previous is not null)
            {
                index.Remove(key, previous);
            }

            index.Add(key, obj);
        }

        _items[key] = obj;
        return previous;
    }

    private T? RemoveLocked(string key)
    {
        if (!_items.Remove(key, out var previous))
        {
            return null;
        }

        foreach (var index in _indexes.Values)
        {
            index.Remove(key, previous);
        }

        return previous;
    }

    /// <summary>One index: indexed value → keys.</summary>
    private sealed class Index(Func<T, IEnumerable<string>> function)
    {
        public Dictionary<string, HashSet<string>> Values { get; } = new(StringComparer.Ordinal);

        public void Add(string key, T obj)
        {
            foreach (var value in function(obj))
            {
                if (!Values.TryGetValue(value, out var keys))
                {
                    keys = new HashSet<string>(StringComparer.Ordinal);
                    Values.Add(value, keys);
                }

                keys.Add(key);
            }
        }

        public void Remove(string key, T obj)
        {
            foreach (var value in function(obj))
            {
                if (Values.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    Values.Remove(value);
                }
            }
        }
    }
}
