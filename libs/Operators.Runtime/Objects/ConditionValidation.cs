using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// The constraints of <c>metav1.Condition</c>: <c>type</c> a qualified name (at most 316
/// characters), <c>status</c> True/False/Unknown, <c>reason</c> CamelCase of 1–1024 characters,
/// <c>message</c> at most 32768 characters, <c>observedGeneration</c> not negative.
/// </summary>
public static partial class ConditionValidation
{
    /// <summary>The longest <c>type</c>.</summary>
    public const int TypeMaxLength = 316;

    /// <summary>The longest <c>reason</c>.</summary>
    public const int ReasonMaxLength = 1024;

    /// <summary>The longest <c>message</c>.</summary>
    public const int MessageMaxLength = 32768;

    /// <summary>Checks <paramref name="condition"/> against the constraints.</summary>
    /// <param name="condition">The condition to check.</param>
    /// <returns>One message per violated constraint, naming the field; empty when valid.</returns>
    public static IReadOnlyList<string> Validate(V1Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var errors = new List<string>();
        if (condition.Type is { Length: > TypeMaxLength })
        {
            errors.Add(Invariant($"type: must be at most {TypeMaxLength} characters"));
        }
        else if (QualifiedNames.Check(condition.Type) is { } typeError)
        {
            errors.Add("type: " + typeError);
        }

        if (condition.Status is not (ConditionStatus.True or ConditionStatus.False or ConditionStatus.Unknown))
        {
            errors.Add($"status: must be True, False or Unknown, not '{condition.Status}'");
        }

        if (!IsValidReason(condition.Reason))
        {
            errors.Add(Invariant($"reason: must be 1-{ReasonMaxLength} characters, start with a letter, and contain only letters, digits, '_', ',' or ':' (not ending with ',' or ':')"));
        }

        if (condition.Message is { Length: > MessageMaxLength })
        {
            errors.Add(Invariant($"message: must be at most {MessageMaxLength} characters"));
        }

        if (condition.ObservedGeneration is < 0)
        {
            errors.Add("observedGeneration: must not be negative");
        }

        return errors;
    }

    /// <summary>Whether <paramref name="reason"/> is a valid condition reason, e.g. <c>InvalidSpec</c>.</summary>
    /// <param name="reason">The reason to check.</param>
    /// <returns><see langword="true"/> when it is 1–1024 characters and matches <c>^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$</c>.</returns>
    public static bool IsValidReason(string? reason) =>
        reason is { Length: > 0 and <= ReasonMaxLength } && Reason().IsMatch(reason);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Reason();
}
