using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Builds <see cref="StatusCause"/>s as apimachinery's <c>field.Error</c> constructors do: the reason is the
/// error type and the message is <c>ErrorBody()</c>, e.g. <c>Invalid value: "x": detail</c>.
/// </summary>
internal static class FieldCauses
{
    /// <summary>The field Go prints for an error without a path (a nil <c>*field.Path</c>).</summary>
    public const string NoField = "<nil>";

    /// <summary>The detail kube-apiserver gives a changed immutable field.</summary>
    public const string Immutable = "field is immutable";

    /// <summary><c>field.Required</c>: <c>Required value</c>, plus the detail if any.</summary>
    public static StatusCause Required(string field, string detail = "") =>
        Cause("FieldValueRequired", field, "Required value", detail);

    /// <summary><c>field.Invalid</c>: <c>Invalid value: &lt;value&gt;: detail</c>.</summary>
    public static StatusCause Invalid(string field, object? value, string detail) =>
        InvalidRendered(field, BadValue(value), detail);

    /// <summary><c>field.Invalid</c> with the value already printed as Go prints it.</summary>
    public static StatusCause InvalidRendered(string field, string renderedValue, string detail) =>
        Cause("FieldValueInvalid", field, "Invalid value: " + renderedValue, detail);

    /// <summary>One <c>field.Invalid</c> of a string value per message of a rule it failed.</summary>
    public static IEnumerable<StatusCause> InvalidEach(string field, string value, IEnumerable<string> messages) =>
        messages.Select(message => Invalid(field, value, message));

    /// <summary><c>field.TypeInvalid</c>: printed like an invalid value, with its own reason.</summary>
    public static StatusCause TypeInvalid(string field, object? value, string detail) =>
        Cause("FieldValueTypeInvalid", field, "Invalid value: " + BadValue(value), detail);

    /// <summary><c>field.NotSupported</c>: <c>Unsupported value: "x": supported values: "a", "b"</c>.</summary>
    public static StatusCause NotSupported(string field, object? value, IReadOnlyCollection<string> supported) =>
        Cause("FieldValueNotSupported", field, "Unsupported value: " + BadValue(value),
            supported.Count == 0 ? "" : "supported values: " + string.Join(", ", supported.Select(GoQuote.Quote)));

    /// <summary><c>field.Duplicate</c>: <c>Duplicate value: &lt;value&gt;</c>.</summary>
    public static StatusCause Duplicate(string field, object? value) => DuplicateRendered(field, BadValue(value));

    /// <summary><c>field.Duplicate</c> with the value already printed as Go prints it.</summary>
    public static StatusCause DuplicateRendered(string field, string renderedValue) =>
        Cause("FieldValueDuplicate", field, "Duplicate value: " + renderedValue, "");

    /// <summary><c>field.NotFound</c>: <c>Not found: &lt;value&gt;</c>.</summary>
    public static StatusCause NotFound(string field, object? value) =>
        Cause("FieldValueNotFound", field, "Not found: " + BadValue(value), "");

    /// <summary><c>field.Forbidden</c>: <c>Forbidden: detail</c>.</summary>
    public static StatusCause Forbidden(string field, string detail) =>
        Cause("FieldValueForbidden", field, "Forbidden", detail);

    /// <summary><c>field.TooLong</c> of one value, which is never printed: <c>Too long: may not be more than 63 bytes</c>.</summary>
    public static StatusCause TooLong(string field, long maxLength) =>
        Cause("FieldValueTooLong", field, "Too long",
            string.Create(CultureInfo.InvariantCulture, $"may not be more than {maxLength} {(maxLength == 1 ? "byte" : "bytes")}"));

    /// <summary>
    /// <c>FieldValueTooLong</c> of a whole map (all annotations, all ConfigMap or Secret data), in the older
    /// wording used there: <c>Too long: must have at most 1048576 bytes</c>.
    /// </summary>
    public static StatusCause TooLongInTotal(string field, long maxBytes) =>
        Cause("FieldValueTooLong", field, "Too long",
            string.Create(CultureInfo.InvariantCulture, $"must have at most {maxBytes} bytes"));

    /// <summary><c>field.TooMany</c>: <c>Too many: 5: must have at most 3 items</c>.</summary>
    public static StatusCause TooMany(string field, long actual, long max) =>
        Cause("FieldValueTooMany", field, "Too many: " + BadValue(actual),
            string.Create(CultureInfo.InvariantCulture, $"must have at most {max} {(max == 1 ? "item" : "items")}"));

    /// <summary>
    /// A bad value as <c>ErrorBody</c> prints it: strings with <c>%q</c>, numbers and booleans with <c>%v</c>,
    /// anything else as JSON, <c>null</c> for null. Takes strings, integers, doubles, booleans and <see cref="JsonNode"/>s.
    /// </summary>
    private static string BadValue(object? value) => value switch
    {
        null => "null",
        string text => GoQuote.Quote(text),
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => GoFloatText.Format(number),
        bool flag => flag ? "true" : "false",
        JsonNode node => GoJson.KindOf(node) switch
        {
            GoJsonKind.String => GoQuote.Quote(GoJson.GetString(node)),
            GoJsonKind.Float => GoFloatText.Format(GoJson.GetDouble(node)),
            _ => GoJsonText.Marshal(node),
        },
        _ => throw new ArgumentException($"unsupported value type {value.GetType()}", nameof(value)),
    };

    private static StatusCause Cause(string reason, string field, string body, string detail) =>
        new(reason, field, detail.Length == 0 ? body : body + ": " + detail);
}
