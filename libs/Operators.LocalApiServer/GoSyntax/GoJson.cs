using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Reads <see cref="JsonNode"/>s as kube-apiserver's Go code sees them after decoding: a number is an
/// <c>int64</c> when its text parses as one, otherwise a <c>float64</c>.
/// </summary>
internal static class GoJson
{
    /// <summary>The Go kind of <paramref name="node"/>.</summary>
    public static GoJsonKind KindOf(JsonNode? node) => node switch
    {
        null => GoJsonKind.Null,
        JsonObject => GoJsonKind.Object,
        JsonArray => GoJsonKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => GoJsonKind.String,
            JsonValueKind.True or JsonValueKind.False => GoJsonKind.Bool,
            JsonValueKind.Number => TryGetInt64(node, out _) ? GoJsonKind.Int : GoJsonKind.Float,
            _ => GoJsonKind.Null,
        },
    };

    /// <summary>Reads a number of kind <see cref="GoJsonKind.Int"/>; false for anything else.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue && node.GetValueKind() == JsonValueKind.Number &&
            long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value of a node of kind <see cref="GoJsonKind.Int"/>.</summary>
    public static long GetInt64(JsonNode node) =>
        TryGetInt64(node, out var value) ? value : throw new InvalidOperationException($"{node.ToJsonString()} is not an integer");

    /// <summary>The value of a number node of either kind, as a <c>float64</c>.</summary>
    public static double GetDouble(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value of a string node.</summary>
    public static string GetString(JsonNode node) => node.GetValue<string>();

    /// <summary>The value of a boolean node.</summary>
    public static bool GetBool(JsonNode node) => node.GetValueKind() == JsonValueKind.True;

    /// <summary>A number node of kind <see cref="GoJsonKind.Float"/>, even for whole values such as 1.0.</summary>
    public static JsonValue FloatNode(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".E") < 0)
        {
            text += ".0";
        }

        using var document = JsonDocument.Parse(text);
        return JsonValue.Create(document.RootElement.Clone())!;
    }
}
