namespace Operators.Runtime.Cache;

/// <summary>
/// Compares <see cref="CompactMap{TValue}"/>s by content (same keys and values in the same order), and a map
/// with the dictionary it would be built from, so that a shared map is found without building a new one.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class CompactMapComparer<TValue>(IEqualityComparer<TValue> values)
    : IEqualityComparer<CompactMap<TValue>>, IAlternateEqualityComparer<IDictionary<string, TValue>, CompactMap<TValue>>
{
    public bool Equals(CompactMap<TValue>? x, CompactMap<TValue>? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.ContentHash != y.ContentHash || x.Count != y.Count)
        {
            return false;
        }

        var left = x.Entries;
        var right = y.Entries;
        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Key, right[i].Key, StringComparison.Ordinal) || !values.Equals(left[i].Value, right[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(CompactMap<TValue> obj) => obj.ContentHash;

    public bool Equals(IDictionary<string, TValue> alternate, CompactMap<TValue> other)
    {
        if (alternate.Count != other.Count)
        {
            return false;
        }

        var entries = other.Entries;
        var i = 0;
        if (alternate is Dictionary<string, TValue> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                if (!Same(entries[i++], key, value))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (key, value) in alternate)
        {
            if (!Same(entries[i++], key, value))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(IDictionary<string, TValue> alternate)
    {
        var hash = default(HashCode);
        if (alternate is Dictionary<string, TValue> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                Add(ref hash, key, value);
            }
        }
        else
        {
            foreach (var (key, value) in alternate)
            {
                Add(ref hash, key, value);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>The content hash of entries, as <see cref="GetHashCode(IDictionary{string, TValue})"/> computes it.</summary>
    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        var hash = default(HashCode);
        foreach (var (key, value) in entries)
        {
            Add(ref hash, key, value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Not used: maps are built by <see cref="InternPool"/>, which interns their content first.</summary>
    public CompactMap<TValue> Create(IDictionary<string, TValue> alternate)
    {
        var entries = alternate.ToArray();
        return new CompactMap<TValue>(entries, GetHashCode((ReadOnlySpan<KeyValuePair<string, TValue>>)entries));
    }

    private void Add(ref HashCode hash, string key, TValue value)
    {
        hash.Add(key, StringComparer.Ordinal);
        hash.Add(value is null ? 0 : values.GetHashCode(value));
    }

    private bool Same(KeyValuePair<string, TValue> entry, string key, TValue value) =>
        string.Equals(entry.Key, key, StringComparison.Ordinal) && values.Equals(entry.Value, value);
}
