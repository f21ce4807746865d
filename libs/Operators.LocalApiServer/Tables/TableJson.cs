using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Reads fields of an object the way Go's typed structs see them: a missing or mistyped field
/// is the zero value (<c>""</c>, 0, empty).
/// </summary>
internal static class TableJson
{
    /// <summary>The node at a path of member names, or null.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject obj ? obj[name] : null;
        }

        return node;
    }

    /// <summary>The string at a path, or <c>""</c>.</summary>
    public static string Text(JsonNode? node, params string[] path)
    {
        var value = At(node, path);
        return GoJson.KindOf(value) == GoJsonKind.String ? value!.GetValue<string>() : "";
    }

    /// <summary>The integer at a path, or <paramref name="fallback"/> when there is none.</summary>
    public static long Integer(JsonNode? node, string[] path, long fallback = 0)
    {
        var value = At(node, path);
        return GoJson.KindOf(value) switch
        {
            GoJsonKind.Int => GoJson.GetInt64(value!),
            GoJsonKind.Float => (long)GoJson.GetDouble(value!),
            _ => fallback,
        };
    }

    /// <summary>The elements of the array at a path; empty when there is none.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.ToList() : [];

    /// <summary>The members of the object at a path; empty when there is none.</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> Members(JsonNode? node, params string[] path) =>
        At(node, path) is JsonObject obj ? obj.ToList() : [];

    /// <summary><c>metadata.name</c>, or <c>""</c>.</summary>
    public static string Name(JsonObject obj) => Text(obj, "metadata", "name");
}
