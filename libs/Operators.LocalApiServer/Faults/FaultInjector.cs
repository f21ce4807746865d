using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Faults;

/// <summary>
/// Fault injection: failing requests, added latency, dropped watches, compacted history, and a
/// partition that drops the requests of one client. Usable from C# and over the admin endpoint
/// (<c>/_local/faults</c>).
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private string? _partitionedUserAgent;

    internal FaultInjector(ObjectStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Latency added before every API request is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fails the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> (null filters: any).</summary>
    public void FailNext(int count, int statusCode, string? verb = null, string? resource = null, int retryAfterSeconds = 1, string? inNamespace = null) =>
        Add(new FaultRule { Remaining = count, StatusCode = statusCode, Verb = verb, Resource = resource, Namespace = inNamespace, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Fails a share <paramref name="ratio"/> of matching requests for <paramref name="duration"/>.</summary>
    public void FailRatio(double ratio, TimeSpan duration, int statusCode, string? verb = null, string? resource = null, int retryAfterSeconds = 1) =>
        Add(new FaultRule { Ratio = ratio, Until = _time.GetUtcNow() + duration, StatusCode = statusCode, Verb = verb, Resource = resource, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Adds a rule.</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Drops (aborts, without an answer) every request whose User-Agent contains <paramref name="userAgent"/>; null heals.</summary>
    public void Partition(string? userAgent)
    {
        lock (_gate)
        {
            _partitionedUserAgent = userAgent;
        }
    }

    /// <summary>Ends every open watch; clients resume from their last resourceVersion.</summary>
    public void DropWatches() => _store.DropWatches();

    /// <summary>
    /// Ends every watch once it has been given <paramref name="events"/> events (each new watch counts from 0),
    /// until <see cref="Clear"/>; 0 turns it off. Clients resume from their last resourceVersion.
    /// </summary>
    public void DropWatchesEvery(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        _store.WatchEventLimit = events;
    }

    /// <summary>Gets the number of watches ended so far by <see cref="DropWatches"/> or <see cref="DropWatchesEvery"/>.</summary>
    public long WatchesDropped => _store.WatchesDropped;

    /// <summary>Forgets the change history, so a watch or continue token from before now gets 410 Gone.</summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>Removes every rule, the latency, the partition and the watch event limit.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _partitionedUserAgent = null;
            Latency = TimeSpan.Zero;
            _store.WatchEventLimit = 0;
        }
    }

    /// <summary>The rules in force now.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.ToList();
            }
        }
    }

    internal bool IsPartitioned(string userAgent)
    {
        lock (_gate)
        {
            return _partitionedUserAgent is { Length: > 0 } p && userAgent.Contains(p, StringComparison.Ordinal);
        }
    }

    /// <summary>The error to answer a request with, or null to serve it.</summary>
    internal ApiException? Check(string verb, string resource, string? requestNamespace)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _rules.RemoveAll(r => (r.Remaining is <= 0) || (r.Remaining is null && now >= r.Until));
            foreach (var rule in _rules)
            {
                if (!rule.Matches(verb, resource, requestNamespace))
                {
                    continue;
                }

                if (rule.Remaining is not null)
                {
                    rule.Remaining--;
                    return ApiException.ForCode(rule.StatusCode, rule.RetryAfterSeconds);
                }

                if (Random.Shared.NextDouble() < rule.Ratio)
                {
                    return ApiException.ForCode(rule.StatusCode, rule.RetryAfterSeconds);
                }
            }

            return null;
        }
    }
}
