using System.Text.Json.Nodes;

namespace Operators.Charts.Tests.Infrastructure;

/// <summary>Small readers over <see cref="JsonNode"/> for assertions on rendered objects.</summary>
internal static class Json
{
    /// <summary>Returns the string at <paramref name="path"/> (dot-separated property names), or null.</summary>
    public static string? Str(this JsonNode? node, string path) => node.At(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Returns the boolean at <paramref name="path"/>, or null.</summary>
    public static bool? Bool(this JsonNode? node, string path) => node.At(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>Returns the integer at <paramref name="path"/>, or null.</summary>
    public static long? Int(this JsonNode? node, string path) => node.At(path) is JsonValue v && v.TryGetValue<long>(out var i) ? i : null;

    /// <summary>Returns the node at <paramref name="path"/> (dot-separated property names), or null.</summary>
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>Returns the elements of the array at <paramref name="path"/>, or none.</summary>
    public static IReadOnlyList<JsonNode> Items(this JsonNode? node, string path) =>
        node.At(path) is JsonArray a ? a.OfType<JsonNode>().ToList() : [];

    /// <summary>Returns the strings of the array at <paramref name="path"/>, or none.</summary>
    public static IReadOnlyList<string> Strings(this JsonNode? node, string path) =>
        node.Items(path).Select(n => n.GetValue<string>()).ToList();

    /// <summary>Returns the string map at <paramref name="path"/> (labels, selectors), or an empty one.</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonNode? node, string path) =>
        node.At(path) is JsonObject o
            ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
