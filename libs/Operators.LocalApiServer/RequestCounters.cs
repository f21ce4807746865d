using System.Collections.Concurrent;

namespace Operators.LocalApiServer;

/// <summary>Counts API requests by verb and resource (e.g. <c>update novaagents/status</c>).</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts one request.</summary>
    internal void Count(string verb, string resource) =>
        _counts.AddOrUpdate(verb + " " + resource, 1, static (_, n) => n + 1);

    /// <summary>The counts so far, keyed <c>"verb resource"</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The count of one verb and resource.</summary>
    public long Get(string verb, string resource) => _counts.GetValueOrDefault(verb + " " + resource);

    /// <summary>The number of writes (create, update, patch, delete, deletecollection) so far.</summary>
    public long Writes => _counts.Where(p => p.Key.Split(' ')[0] is "create" or "update" or "patch" or "delete" or "deletecollection").Sum(p => p.Value);

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => _counts.Clear();
}
