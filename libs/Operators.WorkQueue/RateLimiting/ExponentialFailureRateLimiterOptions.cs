using System.ComponentModel.DataAnnotations;

namespace Operators.WorkQueue.RateLimiting;

/// <summary>Configures <see cref="ExponentialFailureRateLimiter{T}"/>. Validated when the limiter is built.</summary>
public sealed class ExponentialFailureRateLimiterOptions : IValidatableObject
{
    /// <summary>The default <see cref="BaseDelay"/>: 5 ms, as client-go's controllers use.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The default <see cref="MaxDelay"/>: 1000 s, as client-go's controllers use.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(1000);

    /// <summary>Gets or sets the delay after the first failure; each further failure doubles it.</summary>
    /// <value>The default value is <see cref="DefaultBaseDelay"/> (5 ms); from 1 ms to 1 hour.</value>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>Gets or sets the longest delay: doubling stops here.</summary>
    /// <value>The default value is <see cref="DefaultMaxDelay"/> (1000 s); from 1 ms to 1 day, and at least <see cref="BaseDelay"/>.</value>
    [TimeSpanRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDelay < BaseDelay)
        {
            yield return new ValidationResult(
                $"{nameof(MaxDelay)} ({MaxDelay}) must not be shorter than {nameof(BaseDelay)} ({BaseDelay}).",
                [nameof(MaxDelay)]);
        }
    }
}
