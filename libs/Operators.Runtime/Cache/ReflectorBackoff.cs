namespace Operators.Runtime.Cache;

/// <summary>
/// The reflector's delay after failures: starts at the initial delay, doubles per failure up to the maximum,
/// adds up to 100 % random jitter (capped at the maximum), and starts over once no failure happened for the
/// reset period.
/// </summary>
internal sealed class ReflectorBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly TimeSpan _resetAfter;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private TimeSpan _current;
    private long _lastFailure;

    /// <summary>Initializes a new instance of the <see cref="ReflectorBackoff"/> class.</summary>
    /// <param name="initial">The first delay.</param>
    /// <param name="max">The longest delay.</param>
    /// <param name="resetAfter">How long without failures starts over at <paramref name="initial"/>.</param>
    /// <param name="time">The clock.</param>
    /// <param name="random">Returns a value in [0, 1) for jitter; <see cref="Random.Shared"/> when null.</param>
    public ReflectorBackoff(TimeSpan initial, TimeSpan max, TimeSpan resetAfter, TimeProvider time, Func<double>? random = null)
    {
        _initial = initial;
        _max = max;
        _resetAfter = resetAfter;
        _time = time;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Records a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var now = _time.GetTimestamp();
        _current = _current == TimeSpan.Zero || _time.GetElapsedTime(_lastFailure, now) >= _resetAfter
            ? _initial
            : TimeSpan.FromTicks(Math.Min(_current.Ticks * 2, _max.Ticks));
        _lastFailure = now;
        var jittered = _current + (_current * _random());
        return jittered > _max ? _max : jittered;
    }
}
