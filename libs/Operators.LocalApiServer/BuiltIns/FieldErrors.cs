using System.Globalization;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Builds <see cref="StatusCause"/>s with the reasons and messages of apimachinery's
/// <c>field.Required</c>, <c>field.Invalid</c> and friends.
/// </summary>
internal static class FieldErrors
{
    /// <summary>The message kube-apiserver uses for a changed immutable field.</summary>
    public const string Immutable = "field is immutable";

    /// <summary><c>FieldValueRequired</c>: "Required value[: detail]".</summary>
    public static StatusCause Required(string field, string detail = "") =>
        new("FieldValueRequired", field, WithDetail("Required value", detail));

    /// <summary><c>FieldValueInvalid</c> for a string value, printed quoted.</summary>
    public static StatusCause Invalid(string field, string value, string detail) =>
        InvalidRendered(field, GoFormat.Quote(value), detail);

    /// <summary><c>FieldValueInvalid</c> for an integer value.</summary>
    public static StatusCause Invalid(string field, long value, string detail) =>
        InvalidRendered(field, value.ToString(CultureInfo.InvariantCulture), detail);

    /// <summary><c>FieldValueInvalid</c> for a value already rendered as Go prints it.</summary>
    public static StatusCause InvalidRendered(string field, string renderedValue, string detail) =>
        new("FieldValueInvalid", field, WithDetail("Invalid value: " + renderedValue, detail));

    /// <summary><c>FieldValueNotSupported</c>: the value and the quoted list of supported values.</summary>
    public static StatusCause NotSupported(string field, string value, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", field,
            WithDetail("Unsupported value: " + GoFormat.Quote(value),
                "supported values: " + string.Join(", ", supported.Select(GoFormat.Quote))));

    /// <summary><c>FieldValueForbidden</c>: "Forbidden: detail".</summary>
    public static StatusCause Forbidden(string field, string detail) =>
        new("FieldValueForbidden", field, WithDetail("Forbidden", detail));

    /// <summary><c>FieldValueTooLong</c>: "Too long: must have at most N bytes".</summary>
    public static StatusCause TooLong(string field, int maxBytes) =>
        new("FieldValueTooLong", field,
            WithDetail("Too long", string.Create(CultureInfo.InvariantCulture, $"must have at most {maxBytes} bytes")));

    /// <summary><c>FieldValueDuplicate</c> for a string value.</summary>
    public static StatusCause Duplicate(string field, string value) =>
        new("FieldValueDuplicate", field, "Duplicate value: " + GoFormat.Quote(value));

    /// <summary><c>FieldValueDuplicate</c> for a value already rendered as Go prints it.</summary>
    public static StatusCause DuplicateRendered(string field, string renderedValue) =>
        new("FieldValueDuplicate", field, "Duplicate value: " + renderedValue);

    /// <summary><c>FieldValueNotFound</c> for a string value.</summary>
    public static StatusCause NotFound(string field, string value) =>
        new("FieldValueNotFound", field, "Not found: " + GoFormat.Quote(value));

    /// <summary>One <c>FieldValueInvalid</c> per message of a content rule that failed.</summary>
    public static IEnumerable<StatusCause> InvalidEach(string field, string value, IEnumerable<string> messages) =>
        messages.Select(message => Invalid(field, value, message));

    private static string WithDetail(string head, string detail) => detail.Length == 0 ? head : head + ": " + detail;
}
