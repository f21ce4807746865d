using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Operators.Runtime.Status;

/// <summary>How often an operator writes a status that only reports progress: <c>--status-progress-interval</c>.</summary>
public sealed class StatusProgressOptions : IValidatableObject
{
    /// <summary>The flag of <see cref="ProgressInterval"/>.</summary>
    public const string ProgressIntervalFlag = "status-progress-interval";

    /// <summary>The default of <see cref="ProgressInterval"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultProgressInterval = TimeSpan.FromSeconds(5);

    /// <summary>The longest <see cref="ProgressInterval"/>.</summary>
    public static readonly TimeSpan MaximumProgressInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the shortest time between an object's status write and one that only reports progress (ready
    /// counts, condition messages): <c>--status-progress-interval</c>. What else changes (a condition's status or
    /// reason, the generation, what the status lists) is written at once. Zero writes every change.
    /// </summary>
    public TimeSpan ProgressInterval { get; set; } = DefaultProgressInterval;

    /// <summary>Gets or sets the flag's text when it did not parse (reported by validation).</summary>
    public string? InvalidProgressInterval { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InvalidProgressInterval is { } text)
        {
            yield return new ValidationResult($"--{ProgressIntervalFlag} '{text}' is not valid: expected a duration such as 5s or 500ms (0s writes every change).");
        }
        else if (ProgressInterval < TimeSpan.Zero || ProgressInterval > MaximumProgressInterval)
        {
            yield return new ValidationResult(string.Create(
                CultureInfo.InvariantCulture, $"--{ProgressIntervalFlag} {ProgressInterval} is out of range: expected 0s to {MaximumProgressInterval.TotalMinutes:0}m."));
        }
    }
}
