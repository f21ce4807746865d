using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Operators.Runtime.Client;

/// <summary>
/// Requires a <see cref="TimeSpan"/> between two bounds; usable without reflection, unlike
/// <c>[Range(typeof(TimeSpan), …)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="TimeSpanRangeAttribute"/> class.</summary>
    /// <param name="minimum">The lower bound, invariant <c>hh:mm:ss.fff</c>.</param>
    /// <param name="maximum">The upper bound, invariant <c>hh:mm:ss.fff</c>.</param>
    public TimeSpanRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the lower bound.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>Gets the upper bound.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not TimeSpan span || (span >= Minimum && span <= Maximum))
        {
            return ValidationResult.Success;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"{validationContext.MemberName} must be between {Minimum} and {Maximum}; it is {span}.");
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
