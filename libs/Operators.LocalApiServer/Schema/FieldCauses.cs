using System.Globalization;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Builds <see cref="StatusCause"/>s exactly as apimachinery's <c>field.Error</c> constructors do: the reason
/// is the error type and the message is <c>ErrorBody()</c>, e.g. <c>Invalid value: "x": detail</c>.
/// </summary>
internal static class FieldCauses
{
    /// <summary>The field Go prints for an error without a path (a nil <c>*field.Path</c>).</summary>
    public const string NoField = "<nil>";

    /// <summary><c>field.Required</c>: <c>Required value</c>, plus the detail if any.</summary>
    public static StatusCause Required(string field, string detail = "") =>
        Cause("FieldValueRequired", field, "Required value", detail);

    /// <summary><c>field.Invalid</c>: <c>Invalid value: &lt;value&gt;: detail</c>.</summary>
    public static StatusCause Invalid(string field, object? value, string detail) =>
        Cause("FieldValueInvalid", field, "Invalid value: " + GoText.Value(value), detail);

    /// <summary><c>field.TypeInvalid</c>: printed like an invalid value, with its own reason.</summary>
    public static StatusCause TypeInvalid(string field, object? value, string detail) =>
        Cause("FieldValueTypeInvalid", field, "Invalid value: " + GoText.Value(value), detail);

    /// <summary><c>field.NotSupported</c>: <c>Unsupported value: "x": supported values: "a", "b"</c>.</summary>
    public static StatusCause NotSupported(string field, object? value, IReadOnlyCollection<string> supported) =>
        Cause("FieldValueNotSupported", field, "Unsupported value: " + GoText.Value(value),
            supported.Count == 0 ? "" : "supported values: " + string.Join(", ", supported.Select(GoText.Quote)));

    /// <summary><c>field.Duplicate</c>: <c>Duplicate value: &lt;value&gt;</c>.</summary>
    public static StatusCause Duplicate(string field, object? value) =>
        Cause("FieldValueDuplicate", field, "Duplicate value: " + GoText.Value(value), "");

    /// <summary><c>field.Forbidden</c>: <c>Forbidden: detail</c>.</summary>
    public static StatusCause Forbidden(string field, string detail) =>
        Cause("FieldValueForbidden", field, "Forbidden", detail);

    /// <summary><c>field.TooLong</c> (as <c>TooLongMaxLength</c> calls it): the value is never printed.</summary>
    public static StatusCause TooLong(string field, long maxLength) =>
        Cause("FieldValueTooLong", field, "Too long",
            string.Create(CultureInfo.InvariantCulture, $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}"));

    /// <summary><c>field.TooMany</c>: <c>Too many: 5: must have at most 3 items</c>.</summary>
    public static StatusCause TooMany(string field, long actual, long max) =>
        Cause("FieldValueTooMany", field, "Too many: " + GoText.Value(actual),
            string.Create(CultureInfo.InvariantCulture, $"must have at most {max} {(max == 1 ? "item" : "items")}"));

    private static StatusCause Cause(string reason, string field, string body, string detail) =>
        new(reason, field, detail.Length == 0 ? body : body + ": " + detail);
}
