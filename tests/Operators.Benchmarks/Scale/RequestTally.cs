using System.Globalization;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// The local API server's request counts (<c>GET /_local/counters</c>), keyed <c>"verb resource"</c>, split into
/// object writes (everything written except Events and Leases), Event writes, Lease requests (leader election)
/// and reads.
/// </summary>
internal sealed class RequestTally(IReadOnlyDictionary<string, long> counts)
{
    public IReadOnlyDictionary<string, long> Counts { get; } = counts;

    /// <summary>Gets every request.</summary>
    public long Total => Counts.Values.Sum();

    /// <summary>Gets the writes of objects: creates, updates, patches and deletes of everything but Events and Leases.</summary>
    public long ObjectWrites => Sum(IsObjectWrite);

    /// <summary>Gets the writes of Events (created or patched; also <c>events.k8s.io</c>).</summary>
    public long EventWrites => Sum((verb, resource) => IsWrite(verb) && IsEvent(resource));

    /// <summary>Gets the Lease requests of leader election (gets and updates).</summary>
    public long LeaseRequests => Sum((_, resource) => IsLease(resource));

    /// <summary>Gets the Lease writes among <see cref="LeaseRequests"/>.</summary>
    public long LeaseWrites => Sum((verb, resource) => IsWrite(verb) && IsLease(resource));

    /// <summary>Gets the reads: gets, lists and watches of everything but Leases.</summary>
    public long Reads => Sum((verb, resource) => !IsWrite(verb) && !IsLease(resource));

    public static bool IsWrite(string verb) => verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    /// <summary>The count of one verb and resource.</summary>
    public long Get(string verb, string resource) => Counts.GetValueOrDefault(verb + " " + resource);

    /// <summary>The object writes as "verb resource count" items, largest first.</summary>
    public string DescribeObjectWrites() => Describe(IsObjectWrite);

    /// <summary>The reads as "verb resource count" items, largest first.</summary>
    public string DescribeReads() => Describe((verb, resource) => !IsWrite(verb) && !IsLease(resource));

    /// <summary>Every request that is neither a Lease request nor a read, as "verb resource count" items.</summary>
    public string DescribeWrites() => Describe((verb, resource) => IsWrite(verb) && !IsLease(resource));

    /// <summary>The Lease requests as "verb resource count" items.</summary>
    public string DescribeLeases() => Describe((_, resource) => IsLease(resource));

    private static bool IsObjectWrite(string verb, string resource) => IsWrite(verb) && !IsEvent(resource) && !IsLease(resource);

    private static bool IsEvent(string resource) => resource == "events";

    private static bool IsLease(string resource) => resource == "leases";

    private static (string Verb, string Resource) Split(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (key, "") : (key[..space], key[(space + 1)..]);
    }

    private long Sum(Func<string, string, bool> filter) =>
        Counts.Where(p => Split(p.Key) is var (verb, resource) && filter(verb, resource)).Sum(p => p.Value);

    private string Describe(Func<string, string, bool> filter)
    {
        var items = Counts.Where(p => Split(p.Key) is var (verb, resource) && filter(verb, resource))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}"))
            .ToList();
        return items.Count == 0 ? "none" : string.Join(", ", items);
    }
}
