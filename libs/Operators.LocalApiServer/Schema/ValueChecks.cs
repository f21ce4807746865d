using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The checks kube-openapi runs on one value (type, string, format, number, enum), with its messages
/// (<c>spec.x in body should match '...'</c>) turned into field errors as apiextensions turns them.
/// <c>path</c> is kube-openapi's path of the value, which may start with a dot at the root.
/// </summary>
internal static class ValueChecks
{
    /// <summary>The field of an error whose kube-openapi path is <paramref name="path"/>.</summary>
    public static string Field(string path) =>
        path.Length == 0 || path == "." ? FieldCauses.NoField : path.StartsWith('.') ? path[1..] : path;

    /// <summary>kube-openapi's type validator.</summary>
    public static void CheckType(SchemaNode schema, JsonNode? value, GoJsonKind kind, string path, List<StatusCause> causes)
    {
        var types = schema.Types;
        if (types.Count == 0 && schema.Format is null)
        {
            return;
        }

        if (kind == GoJsonKind.Null)
        {
            if (types.Count > 0 && !types.Contains("null") && !schema.Nullable)
            {
                causes.Add(TypeError(path, string.Join(",", types), "null"));
            }

            return;
        }

        var (actual, goFormat) = kind switch
        {
            GoJsonKind.Bool => ("boolean", ""),
            GoJsonKind.String => ("string", ""),
            GoJsonKind.Int => ("integer", "int64"),
            GoJsonKind.Float => ("number", "float64"),
            GoJsonKind.Array => ("array", ""),
            _ => ("object", ""),
        };
        var floatAsInteger = kind == GoJsonKind.Float && IsJsonInteger(GoJson.GetDouble(value!)) && types.Contains("integer");
        var integerAsNumber = kind == GoJsonKind.Int && types.Contains("number");
        var typeMatches = types.Contains(actual) || floatAsInteger || integerAsNumber;
        var textual = kind is GoJsonKind.String or GoJsonKind.Array;
        if (!textual && schema.Format is not null && !typeMatches && goFormat != schema.Format)
        {
            causes.Add(TypeError(path, schema.Format, goFormat));
        }
        else if (!(textual && schema.Format is not null && !types.Contains("number") && !types.Contains("integer")) && !typeMatches)
        {
            causes.Add(TypeError(path, string.Join(",", types), actual));
        }
    }

    /// <summary>
    /// kube-openapi's string validator (maxLength, then minLength, then pattern; the first failure only),
    /// followed by its format validator.
    /// </summary>
    public static void CheckString(SchemaNode schema, string text, string path, List<StatusCause> causes)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            causes.Add(FieldCauses.TooLong(Field(path), max));
        }
        else if (schema.MinLength is { } min && length < min)
        {
            causes.Add(FieldCauses.Invalid(Field(path), text, $"{path} in body should be at least {Invariant(min)} chars long"));
        }
        else if (schema.PatternRegex is { } regex && !regex.IsMatch(text))
        {
            causes.Add(FieldCauses.Invalid(Field(path), text, $"{path} in body should match '{schema.Pattern}'"));
        }

        if (schema.Format is { } format && !StringFormats.IsValid(format, text))
        {
            causes.Add(FieldCauses.TypeInvalid(Field(path), text, $"{path} in body must be of type {format}: {GoQuote.Quote(text)}"));
        }
    }

    /// <summary>kube-openapi's number validator: multipleOf, minimum, maximum, compared natively for integers.</summary>
    public static void CheckNumber(SchemaNode schema, JsonNode value, string path, List<StatusCause> causes)
    {
        var isInteger = GoJson.TryGetInt64(value, out var integer);
        var number = GoJson.GetDouble(value);
        object bad = isInteger ? integer : number;
        if (schema.MultipleOf is { } factor && !IsMultiple(isInteger, integer, number, factor))
        {
            causes.Add(factor < 0
                ? FieldCauses.Invalid(Field(path), factor, $"factor MultipleOf declared for {path} must be positive: {Bound(isInteger, factor)}")
                : FieldCauses.Invalid(Field(path), bad, $"{path} in body should be a multiple of {Bound(isInteger, factor)}"));
        }

        if (schema.Minimum is { } minimum && (isInteger
                ? Below(integer, (long)minimum, schema.ExclusiveMinimum)
                : Below(number, minimum, schema.ExclusiveMinimum)))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            causes.Add(FieldCauses.Invalid(Field(path), bad, $"{path} in body should be {relation} {Bound(isInteger, minimum)}"));
        }

        if (schema.Maximum is { } maximum && (isInteger
                ? Below((long)maximum, integer, schema.ExclusiveMaximum)
                : Below(maximum, number, schema.ExclusiveMaximum)))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            causes.Add(FieldCauses.Invalid(Field(path), bad, $"{path} in body should be {relation} {Bound(isInteger, maximum)}"));
        }
    }

    /// <summary>kube-openapi's enum check; the supported values are listed as strings or JSON.</summary>
    public static void CheckEnum(SchemaNode schema, JsonNode? value, string path, List<StatusCause> causes)
    {
        if (schema.Enum.Count == 0 || schema.Enum.Any(allowed => EnumMatches(value, allowed)))
        {
            return;
        }

        var supported = schema.Enum
            .Select(allowed => GoJson.KindOf(allowed) == GoJsonKind.String ? GoJson.GetString(allowed!) : GoJsonText.Marshal(allowed))
            .ToList();
        causes.Add(FieldCauses.NotSupported(Field(path), value, supported));
    }

    private static StatusCause TypeError(string path, string expected, string actual) =>
        FieldCauses.TypeInvalid(Field(path), actual, $"{path} in body must be of type {expected}: {GoQuote.Quote(actual)}");

    private static bool Below<T>(T value, T bound, bool exclusive)
        where T : IComparable<T> => exclusive ? value.CompareTo(bound) <= 0 : value.CompareTo(bound) < 0;

    private static bool IsMultiple(bool isInteger, long integer, double number, double factor)
    {
        if (factor < 0)
        {
            return false;
        }

        if (isInteger)
        {
            var whole = (long)factor;
            return whole == 0 || integer % whole == 0;
        }

        return IsJsonInteger(factor < 1 ? 1 / factor * number : number / factor);
    }

    /// <summary>A bound as the message prints it: truncated to an integer when the value is an integer.</summary>
    private static string Bound(bool isInteger, double bound) =>
        isInteger ? ((long)bound).ToString(CultureInfo.InvariantCulture) : GoFloatText.Format(bound);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Go's <c>swag.IsFloat64AJSONInteger</c>: an integral value within ±2^53.</summary>
    private static bool IsJsonInteger(double value) =>
        !double.IsNaN(value) && !double.IsInfinity(value) && Math.Abs(value) <= 9007199254740992d &&
        Math.Truncate(value) == value;

    /// <summary>Go's enum comparison: the value converted to the enum value's type, then deep-equal.</summary>
    private static bool EnumMatches(JsonNode? value, JsonNode? allowed) =>
        (GoJson.KindOf(value), GoJson.KindOf(allowed)) switch
        {
            (GoJsonKind.Null, _) or (_, GoJsonKind.Null) => false,
            (GoJsonKind.Int, GoJsonKind.Float) => GoJson.GetDouble(value!).Equals(GoJson.GetDouble(allowed!)),
            (GoJsonKind.Float, GoJsonKind.Int) => GoJson.TryGetInt64(allowed, out var whole) &&
                (long)GoJson.GetDouble(value!) == whole,
            _ => GoEquality.DeepEqual(value, allowed),
        };
}
