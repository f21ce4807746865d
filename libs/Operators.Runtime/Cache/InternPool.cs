using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// One informer's shared instances: strings, resource quantities and read-only maps that many cached objects
/// hold the same (apiVersion, kind, namespace, label keys and values, owner references, images, condition
/// reasons…). Each kind is an <see cref="InternSet{T}"/> (bounded, two generations), so the pool stays small
/// and lets go of values nothing uses any more; it goes away with its informer. Not thread-safe.
/// </summary>
internal sealed class InternPool
{
    /// <summary>Longer strings are kept as they are (rarely shared, and costly to hold).</summary>
    public const int MaxStringLength = 512;

    private const int StringCapacity = 4096;
    private const int MapCapacity = 1024;
    private const int QuantityCapacity = 256;

    private static readonly CompactMap<string> EmptyStringMap = new([], 0);
    private static readonly CompactMap<ResourceQuantity> EmptyQuantityMap = new([], 0);
    private static readonly CompactMapComparer<string> StringMapComparer = new(StringComparer.Ordinal);
    private static readonly CompactMapComparer<ResourceQuantity> QuantityMapComparer = new(QuantityComparer.Instance);

    private readonly InternSet<string> _strings = new(StringComparer.Ordinal, StringCapacity);
    private readonly InternSet<ResourceQuantity> _quantities = new(QuantityComparer.Instance, QuantityCapacity);
    private readonly InternSet<CompactMap<string>> _stringMaps = new(StringMapComparer, MapCapacity);
    private readonly InternSet<CompactMap<ResourceQuantity>> _quantityMaps = new(QuantityMapComparer, MapCapacity);

    /// <summary>Gets how many instances the pool holds.</summary>
    public int Count => _strings.Count + _quantities.Count + _stringMaps.Count + _quantityMaps.Count;

    /// <summary>The shared instance of a string (null and long strings as they are).</summary>
    public string? Intern(string? value) =>
        value is null || value.Length > MaxStringLength ? value : value.Length == 0 ? string.Empty : _strings.Intern(value);

    /// <summary>The shared instance of a quantity (same value, same format).</summary>
    public ResourceQuantity? Share(ResourceQuantity? value) => value is null ? null : _quantities.Intern(value);

    /// <summary>A shared read-only copy of a string map (maps larger than <see cref="CompactMap{TValue}.MaxEntries"/> as they are).</summary>
    public IDictionary<string, string>? Share(IDictionary<string, string>? map)
    {
        if (map is null || map.Count > CompactMap<string>.MaxEntries)
        {
            return map;
        }

        if (map.Count == 0)
        {
            return EmptyStringMap;
        }

        if (map is CompactMap<string> compact)
        {
            return _stringMaps.Intern(compact);
        }

        if (_stringMaps.TryFind(map, out var found))
        {
            return found;
        }

        var entries = new KeyValuePair<string, string>[map.Count];
        var i = 0;
        foreach (var (key, value) in map)
        {
            entries[i++] = new(Intern(key)!, Intern(value)!);
        }

        var created = new CompactMap<string>(entries, StringMapComparer.GetHashCode(entries));
        _stringMaps.Add(created);
        return created;
    }

    /// <summary>A shared read-only copy of a quantity map (e.g. resource requests).</summary>
    public IDictionary<string, ResourceQuantity>? Share(IDictionary<string, ResourceQuantity>? map)
    {
        if (map is null || map.Count > CompactMap<ResourceQuantity>.MaxEntries)
        {
            return map;
        }

        if (map.Count == 0)
        {
            return EmptyQuantityMap;
        }

        if (map is CompactMap<ResourceQuantity> compact)
        {
            return _quantityMaps.Intern(compact);
        }

        if (_quantityMaps.TryFind(map, out var found))
        {
            return found;
        }

        var entries = new KeyValuePair<string, ResourceQuantity>[map.Count];
        var i = 0;
        foreach (var (key, value) in map)
        {
            entries[i++] = new(Intern(key)!, Share(value)!);
        }

        var created = new CompactMap<ResourceQuantity>(entries, QuantityMapComparer.GetHashCode(entries));
        _quantityMaps.Add(created);
        return created;
    }

    /// <summary>Quantities are equal when their value and their format are: they then print the same.</summary>
    private sealed class QuantityComparer : IEqualityComparer<ResourceQuantity>
    {
        public static readonly QuantityComparer Instance = new();

        public bool Equals(ResourceQuantity? x, ResourceQuantity? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Format == y.Format && x.Equals(y));

        public int GetHashCode(ResourceQuantity obj) => obj.GetHashCode();
    }
}
