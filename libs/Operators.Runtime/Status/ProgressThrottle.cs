using System.Collections.Concurrent;

namespace Operators.Runtime.Status;

/// <summary>
/// Spaces out an object's status writes that only report progress (counts, condition messages): at most one per
/// <see cref="StatusProgressOptions.ProgressInterval"/> after the object's last status write by this process. The
/// reconciler decides what is progress only; a change of a condition's status or reason is written at once. So
/// while ten agents of a block turn ready one by one, the object's status is written when the first turns ready,
/// every interval after it, and at once when its <c>Ready</c> condition changes, instead of once per agent.
/// </summary>
public sealed class ProgressThrottle
{
    private readonly ConcurrentDictionary<string, long> _lastWrites = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;

    /// <summary>Initializes a new instance of the <see cref="ProgressThrottle"/> class.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">The shortest time between an object's status write and a progress-only one after it; zero holds nothing back.</param>
    public ProgressThrottle(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _time = time;
        _interval = interval;
    }

    /// <summary>How long a progress-only write of the block must wait; null when it may go now.</summary>
    /// <param name="key">The object's cache key (namespace/name).</param>
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

    /// <summary>Notes that the object's status was just written.</summary>
    /// <param name="key">The object's cache key.</param>
    public void Wrote(string key) => _lastWrites[key] = _time.GetTimestamp();

    /// <summary>Forgets an object that is gone.</summary>
    /// <param name="key">The object's cache key.</param>
    public void Forget(string key) => _lastWrites.TryRemove(key, out _);
}
