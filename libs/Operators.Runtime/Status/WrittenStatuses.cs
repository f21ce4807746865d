using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Operators.Runtime.Status;

/// <summary>
/// Remembers the status this process last wrote for each object, with the resource version the write returned,
/// until the informer's cache has caught up with it. A reconcile that runs before the cache has seen the write (a
/// second trigger queued while the first reconcile wrote) would otherwise compare its status with the older cached
/// one, write what was just written, or news that is not news, and get a 409. Like client-go's integer
/// resource-version mutation cache, it compares resource versions as integers (what etcd and the local API server
/// hand out) and does nothing for versions that are not.
/// </summary>
/// <typeparam name="TStatus">What is kept of a written status (the status, or its serialized bytes).</typeparam>
public sealed class WrittenStatuses<TStatus>
    where TStatus : class
{
    private readonly ConcurrentDictionary<string, Written> _written = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the status last written for the object when the cached object is older than that write (the cache is
    /// behind); a cache that has caught up ends the record.
    /// </summary>
    /// <param name="key">The object's cache key.</param>
    /// <param name="cachedVersion">The cached object's resource version.</param>
    /// <param name="status">The written status, when the cache is behind it.</param>
    /// <returns>Whether the cache is behind the last write.</returns>
    public bool TryGetNewerThanCache(string key, string? cachedVersion, [NotNullWhen(true)] out TStatus? status)
    {
        status = null;
        if (!_written.TryGetValue(key, out var written))
        {
            return false;
        }

        if (Parse(cachedVersion) is not { } cached || cached >= written.Version)
        {
            _written.TryRemove(KeyValuePair.Create(key, written));
            return false;
        }

        status = written.Status;
        return true;
    }

    /// <summary>Records a status written for an object and the resource version the write returned.</summary>
    /// <param name="key">The object's cache key.</param>
    /// <param name="version">The resource version of the written object.</param>
    /// <param name="status">The written status.</param>
    public void Wrote(string key, string? version, TStatus status)
    {
        if (Parse(version) is { } parsed)
        {
            _written[key] = new Written(parsed, status);
        }
    }

    /// <summary>Forgets an object that is gone.</summary>
    /// <param name="key">The object's cache key.</param>
    public void Forget(string key) => _written.TryRemove(key, out _);

    private static long? Parse(string? version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private sealed record Written(long Version, TStatus Status);
}
