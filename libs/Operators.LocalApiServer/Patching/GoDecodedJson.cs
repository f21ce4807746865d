using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// JSON values seen as kube-apiserver's Go code sees them: their Go type, Go's <c>==</c> between
/// them, and the words Go's JSON decoder uses for them in error messages.
/// </summary>
internal static class GoDecodedJson
{
    /// <summary>The Go type of a decoded JSON value.</summary>
    public static GoDecodedType TypeOf(JsonNode? node) => node switch
    {
        null => GoDecodedType.Nil,
        JsonObject => GoDecodedType.Map,
        JsonArray => GoDecodedType.Slice,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => GoDecodedType.String,
            JsonValueKind.True or JsonValueKind.False => GoDecodedType.Bool,
            JsonValueKind.Number => TryGetInt64(node, out _) ? GoDecodedType.Int64 : GoDecodedType.Float64,
            _ => GoDecodedType.Nil,
        },
    };

    /// <summary>The name Go's <c>reflect</c> prints for the type, as in kube's error messages.</summary>
    public static string TypeName(GoDecodedType type) => type switch
    {
        GoDecodedType.Map => "map[string]interface {}",
        GoDecodedType.Slice => "[]interface {}",
        GoDecodedType.String => "string",
        GoDecodedType.Int64 => "int64",
        GoDecodedType.Float64 => "float64",
        GoDecodedType.Bool => "bool",
        _ => "%!s(<nil>)",
    };

    /// <summary>
    /// Go's <c>==</c> on two decoded values: equal type and value for scalars, nil equals nil, and
    /// objects or arrays are never equal (Go cannot compare them).
    /// </summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var type = TypeOf(left);
        if (type != TypeOf(right))
        {
            return false;
        }

        return type switch
        {
            GoDecodedType.Nil => true,
            GoDecodedType.Map or GoDecodedType.Slice => false,
            GoDecodedType.String => left!.GetValue<string>() == right!.GetValue<string>(),
            GoDecodedType.Bool => left!.GetValueKind() == right!.GetValueKind(),
            GoDecodedType.Int64 => TryGetInt64(left!, out var l) && TryGetInt64(right!, out var r) && l == r,
            _ => ToDouble(left!).Equals(ToDouble(right!)),
        };
    }

    /// <summary>The word Go's JSON decoder uses for a value's kind: <c>object</c>, <c>array</c>, <c>number</c>...</summary>
    public static string DecoderKindWord(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <summary>The number as a double.</summary>
    public static double ToDouble(JsonNode number) =>
        double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads a number written as an integer that fits in 64 bits, as Go keeps it.</summary>
    public static bool TryGetInt64(JsonNode number, out long value) =>
        long.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
