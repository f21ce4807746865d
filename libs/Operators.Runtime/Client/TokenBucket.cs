namespace Operators.Runtime.Client;

/// <summary>
/// A token bucket: holds up to <c>burst</c> tokens and gains <c>qps</c> per second. Each request takes one;
/// a request that finds the bucket empty reserves a future token and waits for it, so waiters are served in
/// order and the long-run rate never exceeds <c>qps</c>.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _qps;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    /// <summary>Initializes a new instance of the <see cref="TokenBucket"/> class, full.</summary>
    public TokenBucket(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _qps = qps;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes a token and returns how long to wait before using it (zero when one was available).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _qps)) - 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    /// <summary>Waits for a token.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
    }
}
