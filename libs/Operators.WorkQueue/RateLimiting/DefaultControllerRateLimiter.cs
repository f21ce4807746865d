namespace Operators.WorkQueue.RateLimiting;

/// <summary>
/// Builds the rate limiter that client-go's controllers use by default: per-item exponential
/// backoff (5 ms doubling to 1000 s) combined with an overall token bucket (10 per second, burst
/// 100), taking the longer delay of the two.
/// </summary>
public static class DefaultControllerRateLimiter
{
    /// <summary>
    /// Creates the default controller rate limiter: short for <c>new MaxOfRateLimiter&lt;T&gt;(new
    /// ExponentialFailureRateLimiter&lt;T&gt;(), new TokenBucketRateLimiter&lt;T&gt;(null, timeProvider))</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="timeProvider">The bucket's source of time; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The rate limiter.</returns>
    public static IRateLimiter<T> Create<T>(TimeProvider? timeProvider = null)
        where T : notnull =>
        Create<T>(new ExponentialFailureRateLimiterOptions(), new TokenBucketRateLimiterOptions(), timeProvider);

    /// <summary>Creates the default controller rate limiter with other settings.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="backoff">The per-item backoff.</param>
    /// <param name="bucket">The overall token bucket.</param>
    /// <param name="timeProvider">The bucket's source of time; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The rate limiter.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static IRateLimiter<T> Create<T>(
        ExponentialFailureRateLimiterOptions backoff, TokenBucketRateLimiterOptions bucket, TimeProvider? timeProvider = null)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(bucket);
        return new MaxOfRateLimiter<T>(new ExponentialFailureRateLimiter<T>(backoff), new TokenBucketRateLimiter<T>(bucket, timeProvider));
    }
}
