using System.Globalization;

namespace Operators.CrdGenerator;

/// <summary>
/// Turns attribute values (<c>[DefaultValue]</c>, <c>[AllowedValues]</c>) into values the
/// Kubernetes client's source-generated JSON can write: strings, booleans, numbers, lists of them
/// (arrays become lists, so <c>new object[0]</c> is <c>[]</c>) and the empty object.
/// </summary>
internal static class DefaultValues
{
    /// <summary>A value that serializes as <c>{}</c>.</summary>
    public static object EmptyObject() => new Dictionary<string, object>();

    /// <summary>The JSON-writable form of <paramref name="value"/>.</summary>
    public static object ToJsonValue(object? value, string where) => value switch
    {
        null => throw new InvalidOperationException($"{where}: null is not a schema value; use [SchemaNullable] for explicit nulls."),
        string or bool or int or long or double => value,
        short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        uint or ulong => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        Array array => array.Cast<object?>().Select(item => ToJsonValue(item, where)).ToList(),
        _ => throw new InvalidOperationException($"{where}: a value of type {value.GetType()} cannot be written into the schema."),
    };
}
