using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Operators.WorkQueue;

/// <summary>
/// Requires a <see cref="TimeSpan"/> within bounds. A trimming-safe stand-in for
/// <c>[Range(typeof(TimeSpan), …)]</c>, which needs reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <summary>Initializes a new instance of the <see cref="TimeSpanRangeAttribute"/> class.</summary>
    /// <param name="minimum">The shortest allowed value, in the invariant <c>[d.]hh:mm:ss[.fffffff]</c> form.</param>
    /// <param name="maximum">The longest allowed value, in the same form.</param>
    public TimeSpanRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the shortest allowed value.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>Gets the longest allowed value.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not TimeSpan span || (span >= Minimum && span <= Maximum))
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{validationContext.MemberName} must be from {Minimum} to {Maximum}; it is {span}."),
            validationContext.MemberName is { } member ? [member] : null);
    }
}
