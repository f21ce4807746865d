using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Flattens a recorded step outcome into leaves: <c>body.metadata.name</c>, <c>events[0].type</c>.
/// Keys are joined with dots as they are (a key holding dots is not quoted); empty objects and
/// lists are leaves of their own.
/// </summary>
internal static class OutcomeFlattener
{
    /// <summary>The leaves of <paramref name="step"/>, leaving out its <c>id</c>.</summary>
    public static Dictionary<string, JsonNode?> Flatten(JsonObject? step)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in step ?? [])
        {
            if (key != "id")
            {
                Flatten(value, key, leaves);
            }
        }

        return leaves;
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Flatten(value, path + "." + key, leaves);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var index = 0; index < array.Count; index++)
                {
                    Flatten(array[index], path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", leaves);
                }

                break;
            default:
                leaves[path] = node;
                break;
        }
    }
}
