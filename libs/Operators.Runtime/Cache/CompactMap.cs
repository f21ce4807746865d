using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Operators.Runtime.Cache;

/// <summary>
/// A read-only string-keyed map stored as one array in insertion order: what <see cref="ObjectCompactor{T}"/>
/// puts in place of a cached object's small dictionaries (labels, annotations, node selectors, resource
/// quantities). A fifth of a <see cref="Dictionary{TKey,TValue}"/>'s size for a handful of entries, and shared
/// between cached objects with the same content, which is safe because it cannot change: every mutator
/// throws <see cref="NotSupportedException"/> (objects from the cache are read-only).
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class CompactMap<TValue> : IDictionary<string, TValue>, IReadOnlyDictionary<string, TValue>
{
    /// <summary>The most entries a map gets compacted with; lookups are linear.</summary>
    public const int MaxEntries = 16;

    private const string ReadOnlyMessage = "Objects from an informer's cache are read-only: copy the object before changing it.";

    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly int _hash;

    /// <summary>Initializes a new instance of the <see cref="CompactMap{TValue}"/> class, taking ownership of <paramref name="entries"/>.</summary>
    public CompactMap(KeyValuePair<string, TValue>[] entries, int hash)
    {
        _entries = entries;
        _hash = hash;
    }

    /// <summary>Gets the content hash the map was built with (see <see cref="CompactMapComparer{TValue}"/>).</summary>
    public int ContentHash => _hash;

    /// <summary>Gets the entries in insertion order.</summary>
    public ReadOnlySpan<KeyValuePair<string, TValue>> Entries => _entries;

    public int Count => _entries.Length;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => Array.ConvertAll(_entries, static e => e.Key);

    public ICollection<TValue> Values => Array.ConvertAll(_entries, static e => e.Value);

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => Values;

    public TValue this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");
        set => throw new NotSupportedException(ReadOnlyMessage);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool Contains(KeyValuePair<string, TValue> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<TValue>.Default.Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public void Add(string key, TValue value) => throw new NotSupportedException(ReadOnlyMessage);

    public void Add(KeyValuePair<string, TValue> item) => throw new NotSupportedException(ReadOnlyMessage);

    public bool Remove(string key) => throw new NotSupportedException(ReadOnlyMessage);

    public bool Remove(KeyValuePair<string, TValue> item) => throw new NotSupportedException(ReadOnlyMessage);

    public void Clear() => throw new NotSupportedException(ReadOnlyMessage);
}
