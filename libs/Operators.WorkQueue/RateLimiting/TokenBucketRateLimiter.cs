namespace Operators.WorkQueue.RateLimiting;

/// <summary>
/// An overall token bucket, the same for every item: the bucket starts full with
/// <c>Burst</c> tokens and gains <c>TokensPerSecond</c>; each <see cref="When"/> takes a token,
/// and when none is left it reserves the next one and returns the wait for it (as Go's
/// <c>rate.Limiter.Reserve</c> does). Time comes from a <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
/// <typeparam name="T">The item type (not used: the bucket is shared by all items).</typeparam>
public sealed class TokenBucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _tokensPerSecond;
    private readonly int _burst;
    private double _tokens;
    private long _updatedAt;

    /// <summary>Initializes a new instance of the <see cref="TokenBucketRateLimiter{T}"/> class.</summary>
    /// <param name="options">The rate and burst; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The source of time; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public TokenBucketRateLimiter(TokenBucketRateLimiterOptions? options = null, TimeProvider? timeProvider = null)
    {
        options = OptionsGuard.Validated(options ?? new(), new TokenBucketRateLimiterOptionsValidator());
        _time = timeProvider ?? TimeProvider.System;
        _tokensPerSecond = options.TokensPerSecond;
        _burst = options.Burst;
        _tokens = _burst;
        _updatedAt = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public TimeSpan When(T item)
    {
        double missing;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var refill = _time.GetElapsedTime(_updatedAt, now).TotalSeconds * _tokensPerSecond;
            _tokens = Math.Min(_burst, _tokens + refill) - 1;
            _updatedAt = now;
            missing = -_tokens;
        }

        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(missing / _tokensPerSecond * TimeSpan.TicksPerSecond));
    }

    /// <summary>Does nothing: the bucket does not track items.</summary>
    /// <param name="item">The item.</param>
    public void Forget(T item)
    {
    }

    /// <summary>Returns 0: the bucket does not track items.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Always 0.</returns>
    public int NumRequeues(T item) => 0;
}
