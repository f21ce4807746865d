using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Go's two equalities on decoded JSON. Both need equal kinds (an <c>int64</c> never equals a
/// <c>float64</c>, so <c>1</c> differs from <c>1.0</c>); they differ on objects and arrays.
/// </summary>
internal static class GoEquality
{
    /// <summary>
    /// Go's <c>==</c>, as strategic merge patch uses it: scalars by value, nil equals nil, and objects
    /// or arrays are never equal.
    /// </summary>
    public static bool Equal(JsonNode? left, JsonNode? right)
    {
        var kind = GoJson.KindOf(left);
        return kind is not (GoJsonKind.Object or GoJsonKind.Array) && kind == GoJson.KindOf(right) && ScalarsEqual(kind, left, right);
    }

    /// <summary><c>reflect.DeepEqual</c>: objects compare by key set and values, arrays by position.</summary>
    public static bool DeepEqual(JsonNode? left, JsonNode? right)
    {
        var kind = GoJson.KindOf(left);
        if (kind != GoJson.KindOf(right))
        {
            return false;
        }

        return kind switch
        {
            GoJsonKind.Object => ObjectsEqual((JsonObject)left!, (JsonObject)right!),
            GoJsonKind.Array => ArraysEqual((JsonArray)left!, (JsonArray)right!),
            _ => ScalarsEqual(kind, left, right),
        };
    }

    private static bool ScalarsEqual(GoJsonKind kind, JsonNode? left, JsonNode? right) => kind switch
    {
        GoJsonKind.Null => true,
        GoJsonKind.String => string.Equals(GoJson.GetString(left!), GoJson.GetString(right!), StringComparison.Ordinal),
        GoJsonKind.Bool => GoJson.GetBool(left!) == GoJson.GetBool(right!),
        GoJsonKind.Int => GoJson.GetInt64(left!) == GoJson.GetInt64(right!),
        _ => GoJson.GetDouble(left!).Equals(GoJson.GetDouble(right!)),
    };

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
