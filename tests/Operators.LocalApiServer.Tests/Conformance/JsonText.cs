using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Small readers for the JSON values of scenario files and responses.</summary>
internal static class JsonText
{
    /// <summary>The string held by <paramref name="node"/>, or null when it is not a JSON string.</summary>
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The number held by <paramref name="node"/>, or null when it is not a JSON number.</summary>
    public static double? NumberOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The boolean held by <paramref name="node"/>, or <paramref name="fallback"/> when it holds none.</summary>
    public static bool BoolOf(JsonNode? node, bool fallback) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>A duration given in (possibly fractional) seconds, or <paramref name="fallbackSeconds"/>.</summary>
    public static TimeSpan SecondsOf(JsonNode? node, double fallbackSeconds) =>
        TimeSpan.FromSeconds(NumberOf(node) ?? fallbackSeconds);

    /// <summary>A value as text: strings as they are, anything else as compact JSON.</summary>
    public static string TextOf(JsonNode? node) => StringOf(node) ?? node?.ToJsonString() ?? "null";

    /// <summary>The strings of a JSON array (other elements as text); empty when it is not an array.</summary>
    public static IReadOnlyList<string> StringsOf(JsonNode? node) =>
        node is JsonArray array ? array.Select(TextOf).ToList() : [];
}
