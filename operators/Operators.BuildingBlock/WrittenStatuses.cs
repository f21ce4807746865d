using System.Collections.Concurrent;
using System.Globalization;

namespace Operators.BuildingBlock;

/// <summary>
/// Remembers the status this process last wrote for each block, with the resource version the write returned,
/// until the informer's cache has caught up with it. A reconcile that runs before the cache has seen the write
/// (a second trigger queued while the first reconcile wrote) computes the same status against the older cached
/// one; without this it would write it again and get a 409. Like client-go's integer resource-version mutation
/// cache, it compares resource versions as integers (what etcd and the local API server hand out) and does
/// nothing for versions that are not.
/// </summary>
internal sealed class WrittenStatuses
{
    private readonly ConcurrentDictionary<string, Written> _written = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the cached block is older than the last status written for it and <paramref name="computed"/> is
    /// that status: the cache is behind and there is nothing to write. A cache that has caught up ends the record.
    /// </summary>
    /// <param name="key">The block's cache key.</param>
    /// <param name="cachedVersion">The cached block's resource version.</param>
    /// <param name="computed">The computed status, serialized.</param>
    /// <returns>Whether the write can be skipped.</returns>
    public bool CacheIsBehind(string key, string? cachedVersion, ReadOnlySpan<byte> computed)
    {
        if (!_written.TryGetValue(key, out var written))
        {
            return false;
        }

        if (Parse(cachedVersion) is not { } cached || cached >= written.Version)
        {
            _written.TryRemove(KeyValuePair.Create(key, written));
            return false;
        }

        return computed.SequenceEqual(written.Status);
    }

    /// <summary>Records a status written for a block and the resource version the write returned.</summary>
    /// <param name="key">The block's cache key.</param>
    /// <param name="version">The resource version of the written block.</param>
    /// <param name="status">The written status, serialized.</param>
    public void Wrote(string key, string? version, byte[] status)
    {
        if (Parse(version) is { } parsed)
        {
            _written[key] = new Written(parsed, status);
        }
    }

    /// <summary>Forgets a block that is gone.</summary>
    /// <param name="key">The block's cache key.</param>
    public void Forget(string key) => _written.TryRemove(key, out _);

    private static long? Parse(string? version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private sealed record Written(long Version, byte[] Status);
}
