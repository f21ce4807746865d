using System.Runtime.InteropServices;
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
        _indexes.Add(CacheIndexes.Namespace, new Index(static obj => obj.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : null));
        _indexes.Add(CacheIndexes.ControllerUid, new Index(static obj => CacheIndexes.ControllerUidOf(obj)));
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

            if (!index.Values.TryGetValue(indexedValue, out var keys))
            {
                return [];
            }

            var found = new T[keys.Count];
            var i = 0;
            foreach (var key in keys)
            {
                found[i++] = _items[key];
            }

            return found;
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
        var (namespaceName, name) = NameOf(current);
        lock (_gate)
        {
            var previous = PutLocked(ExistingKeyLocked(namespaceName, name) ?? CacheKey.Of(namespaceName, name), current);
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

    /// <summary>Removes the cached object with the key of <paramref name="obj"/>.</summary>
    /// <returns>The removed object, or null when there was none.</returns>
    internal T? Remove(T obj)
    {
        var (namespaceName, name) = NameOf(obj);
        lock (_gate)
        {
            return ExistingKeyLocked(namespaceName, name) is { } key ? RemoveLocked(key) : null;
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

    private static (string? Namespace, string Name) NameOf(T obj)
    {
        var name = obj.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        }

        return (obj.Metadata!.NamespaceProperty, name);
    }

    /// <summary>The cached key string for a namespace and name, found without building the key (no allocation per event).</summary>
    private string? ExistingKeyLocked(string? namespaceName, string name)
    {
        if (string.IsNullOrEmpty(namespaceName))
        {
            return _items.TryGetValue(name, out _) ? name : null;
        }

        var length = namespaceName.Length + 1 + name.Length;
        var buffer = length <= 512 ? stackalloc char[length] : new char[length];
        namespaceName.CopyTo(buffer);
        buffer[namespaceName.Length] = '/';
        name.CopyTo(buffer[(namespaceName.Length + 1)..]);
        return _items.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer, out var key, out _) ? key : null;
    }

    private T? PutLocked(string key, T obj)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, key, out _);
        var previous = slot;
        slot = obj;
        foreach (var index in _indexes.Values)
        {
            index.Update(key, previous, obj);
        }

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

    /// <summary>One index: indexed value → keys. Built-in indexes have one value per object and skip unchanged values.</summary>
    private sealed class Index
    {
        private readonly Func<T, IEnumerable<string>>? _values;
        private readonly Func<T, string?>? _value;

        public Index(Func<T, IEnumerable<string>> values) => _values = values;

        public Index(Func<T, string?> value) => _value = value;

        public Dictionary<string, HashSet<string>> Values { get; } = new(StringComparer.Ordinal);

        public void Add(string key, T obj)
        {
            if (_value is not null)
            {
                AddValue(key, _value(obj));
                return;
            }

            foreach (var value in _values!(obj))
            {
                AddValue(key, value);
            }
        }

        public void Remove(string key, T obj)
        {
            if (_value is not null)
            {
                RemoveValue(key, _value(obj));
                return;
            }

            foreach (var value in _values!(obj))
            {
                RemoveValue(key, value);
            }
        }

        public void Update(string key, T? previous, T current)
        {
            if (_value is not null && previous is not null)
            {
                var (before, after) = (_value(previous), _value(current));
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    RemoveValue(key, before);
                    AddValue(key, after);
                }

                return;
            }

            if (previous is not null)
            {
                Remove(key, previous);
            }

            Add(key, current);
        }

        private void AddValue(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            ref var keys = ref CollectionsMarshal.GetValueRefOrAddDefault(Values, value, out _);
            keys ??= new HashSet<string>(StringComparer.Ordinal);
            keys.Add(key);
        }

        private void RemoveValue(string key, string? value)
        {
            if (value is not null && Values.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                Values.Remove(value);
            }
        }
    }
}
