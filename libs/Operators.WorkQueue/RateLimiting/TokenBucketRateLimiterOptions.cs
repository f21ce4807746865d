using System.ComponentModel.DataAnnotations;

namespace Operators.WorkQueue.RateLimiting;

/// <summary>Configures <see cref="TokenBucketRateLimiter{T}"/>. Validated when the limiter is built.</summary>
public sealed class TokenBucketRateLimiterOptions
{
    /// <summary>The default <see cref="TokensPerSecond"/>: 10, as client-go's controllers use.</summary>
    public const double DefaultTokensPerSecond = 10;

    /// <summary>The default <see cref="Burst"/>: 100, as client-go's controllers use.</summary>
    public const int DefaultBurst = 100;

    /// <summary>Gets or sets how many tokens (retries) the bucket gains per second, overall.</summary>
    /// <value>The default value is <see cref="DefaultTokensPerSecond"/>; from 0.001 to 1,000,000.</value>
    [Range(0.001, 1_000_000)]
    public double TokensPerSecond { get; set; } = DefaultTokensPerSecond;

    /// <summary>Gets or sets how many tokens the bucket holds: retries that go without delay after a quiet time.</summary>
    /// <value>The default value is <see cref="DefaultBurst"/>; from 1 to 1,000,000.</value>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;
}
