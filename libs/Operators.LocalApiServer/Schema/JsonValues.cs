using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Reads <see cref="JsonNode"/> values the way Kubernetes' JSON decoder sees them: a number is an integer
/// when its text parses as a 64-bit integer, otherwise a float; equality follows Go's <c>reflect.DeepEqual</c>.
/// </summary>
internal static class JsonValues
{
    /// <summary>The kind of <paramref name="node"/>.</summary>
    public static ValueKind KindOf(JsonNode? node) => node switch
    {
        null => ValueKind.Null,
        JsonObject => ValueKind.Object,
        JsonArray => ValueKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => ValueKind.String,
            JsonValueKind.True or JsonValueKind.False => ValueKind.Boolean,
            JsonValueKind.Number => TryGetInteger(node, out _) ? ValueKind.Integer : ValueKind.Number,
            _ => ValueKind.Null,
        },
    };

    /// <summary>Reads an integer value; false for floats and non-numbers.</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue && node.GetValueKind() == JsonValueKind.Number &&
            long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value of an integer node.</summary>
    public static long GetInteger(JsonNode node) =>
        TryGetInteger(node, out var value) ? value : throw new InvalidOperationException($"{node.ToJsonString()} is not an integer");

    /// <summary>The value of a number node as a double.</summary>
    public static double GetDouble(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value of a string node.</summary>
    public static string GetString(JsonNode node) => node.GetValue<string>();

    /// <summary>The value of a boolean node.</summary>
    public static bool GetBoolean(JsonNode node) => node.GetValueKind() == JsonValueKind.True;

    /// <summary>
    /// Go's <c>reflect.DeepEqual</c> on decoded JSON: kinds must match (an integer never equals a float),
    /// objects compare by key set, arrays by position.
    /// </summary>
    public static bool DeepEqual(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        return kind switch
        {
            ValueKind.Null => true,
            ValueKind.Object => ObjectsEqual((JsonObject)left!, (JsonObject)right!),
            ValueKind.Array => ArraysEqual((JsonArray)left!, (JsonArray)right!),
            ValueKind.String => string.Equals(GetString(left!), GetString(right!), StringComparison.Ordinal),
            ValueKind.Integer => GetInteger(left!) == GetInteger(right!),
            ValueKind.Number => GetDouble(left!).Equals(GetDouble(right!)),
            _ => GetBoolean(left!) == GetBoolean(right!),
        };
    }

    private static bool ObjectsEqual(JsonObject left, JsonObject right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetPropertyValue(key, out var other) || !DeepEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!DeepEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
