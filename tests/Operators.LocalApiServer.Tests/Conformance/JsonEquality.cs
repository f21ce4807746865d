using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Structural equality of JSON values: object key order does not matter, list order does,
/// numbers compare by value (1 equals 1.0).
/// </summary>
internal static class JsonEquality
{
    /// <summary>True when both values are the same JSON.</summary>
    public static bool Equal(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Object => ObjectsEqual(left.AsObject(), right.AsObject()),
            JsonValueKind.Array => ArraysEqual(left.AsArray(), right.AsArray()),
            JsonValueKind.Number => NumbersEqual(left.ToJsonString(), right.ToJsonString()),
            JsonValueKind.String => string.Equals(left.GetValue<string>(), right.GetValue<string>(), StringComparison.Ordinal),
            _ => true,
        };
    }

    private static bool ObjectsEqual(JsonObject left, JsonObject right) =>
        left.Count == right.Count
        && left.All(pair => right.TryGetPropertyValue(pair.Key, out var other) && Equal(pair.Value, other));

    private static bool ArraysEqual(JsonArray left, JsonArray right) =>
        left.Count == right.Count && left.Zip(right).All(pair => Equal(pair.First, pair.Second));

    private static bool NumbersEqual(string left, string right)
    {
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(left, style, CultureInfo.InvariantCulture, out var leftDecimal)
            && decimal.TryParse(right, style, CultureInfo.InvariantCulture, out var rightDecimal))
        {
            return leftDecimal == rightDecimal;
        }

        return double.Parse(left, style, CultureInfo.InvariantCulture) == double.Parse(right, style, CultureInfo.InvariantCulture);
    }
}
