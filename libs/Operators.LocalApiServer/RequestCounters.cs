using System.Collections.Concurrent;

namespace Operators.LocalApiServer;

/// <summary>
/// Counts API requests by verb and resource (e.g. <c>update novaagents/status</c>), and records per client the kinds of
/// request it made (<see cref="ObservedAccess"/>), keyed by the product name of its <c>User-Agent</c>
/// (<c>maintenance-notifier</c> for <c>maintenance-notifier/1.0.0</c>).
/// </summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ObservedAccess, byte>> _access = new(StringComparer.Ordinal);

    /// <summary>Counts one request.</summary>
    internal void Count(string verb, string resource) =>
        _counts.AddOrUpdate(verb + " " + resource, 1, static (_, n) => n + 1);

    /// <summary>Records the kind of one request for its client.</summary>
    internal void Observe(string userAgent, ObservedAccess access) =>
        _access.GetOrAdd(ProductOf(userAgent), static _ => new ConcurrentDictionary<ObservedAccess, byte>())[access] = 0;

    /// <summary>The product names of the clients seen so far (an empty name for requests without a <c>User-Agent</c>).</summary>
    public IReadOnlyList<string> Clients() => [.. _access.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The kinds of request the client named <paramref name="product"/> made so far; empty when it made none.</summary>
    public IReadOnlyList<ObservedAccess> AccessBy(string product) =>
        _access.TryGetValue(product, out var seen)
            ? [.. seen.Keys.OrderBy(a => a.ApiGroup, StringComparer.Ordinal).ThenBy(a => a.Resource, StringComparer.Ordinal).ThenBy(a => a.Verb, StringComparer.Ordinal).ThenBy(a => a.Namespaced)]
            : [];

    /// <summary>The counts so far, keyed <c>"verb resource"</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The count of one verb and resource.</summary>
    public long Get(string verb, string resource) => _counts.GetValueOrDefault(verb + " " + resource);

    /// <summary>The number of writes (create, update, patch, delete, deletecollection) so far.</summary>
    public long Writes => _counts.Where(p => p.Key.Split(' ')[0] is "create" or "update" or "patch" or "delete" or "deletecollection").Sum(p => p.Value);

    /// <summary>Starts counting (and recording access) from zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        _access.Clear();
    }

    /// <summary>The product name of a <c>User-Agent</c>: its text before the first <c>/</c> or space.</summary>
    private static string ProductOf(string userAgent)
    {
        var end = userAgent.AsSpan().IndexOfAny('/', ' ');
        return end < 0 ? userAgent : userAgent[..end];
    }
}
