using System.Collections.Concurrent;

namespace Operators.BuildingBlock;

/// <summary>
/// Spaces out a block's status writes that only report progress (<see cref="StatusProgress"/>): at most one per
/// <see cref="BuildingBlockOptions.ProgressInterval"/> after the block's last status write. While ten agents of a
/// block turn ready one by one, the block's status is then written when the first turns ready, every interval
/// after it, and at once when the block's <c>Ready</c> condition changes, instead of once per agent.
/// </summary>
internal sealed class ProgressThrottle
{
    private readonly ConcurrentDictionary<string, long> _lastWrites = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Initializes a new instance of the <see cref="ProgressThrottle"/> class.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">The shortest time between a block's status write and a progress-only one after it; zero holds nothing back.</param>
    public ProgressThrottle(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _time = time;
        _interval = interval;
    }

    /// <summary>How long a progress-only write of the block must wait; null when it may go now.</summary>
    /// <param name="key">The block's cache key (namespace/name).</param>
    /// <returns>The wait, or null.</returns>
    public TimeSpan? Wait(string key)
    {
        if (_interval <= TimeSpan.Zero || !_lastWrites.TryGetValue(key, out var at))
        {
            return null;
        }

        var left = _interval - _time.GetElapsedTime(at);
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Notes that the block's status was just written.</summary>
    /// <param name="key">The block's cache key.</param>
    public void Wrote(string key) => _lastWrites[key] = _time.GetTimestamp();

    /// <summary>Forgets a block that is gone.</summary>
    /// <param name="key">The block's cache key.</param>
    public void Forget(string key) => _lastWrites.TryRemove(key, out _);
}
