using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Reads <see cref="JsonNode"/>s the way kube-apiserver's unstructured decoding sees them.</summary>
internal static class GoValues
{
    /// <summary>The Go kind of a JSON value.</summary>
    public static GoValueKind KindOf(JsonNode? node) => node switch
    {
        null => GoValueKind.Null,
        JsonObject => GoValueKind.Object,
        JsonArray => GoValueKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => GoValueKind.String,
            JsonValueKind.True or JsonValueKind.False => GoValueKind.Bool,
            JsonValueKind.Number => IsInteger(node) ? GoValueKind.Int : GoValueKind.Float,
            _ => GoValueKind.Null,
        },
    };

    /// <summary>The value of a node of kind <see cref="GoValueKind.Int"/>.</summary>
    public static long Int(JsonNode node) =>
        long.Parse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The value of a number node of either kind.</summary>
    public static double Float(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A number node that is always of kind <see cref="GoValueKind.Float"/>, even for 1.0.</summary>
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

    private static bool IsInteger(JsonNode number) =>
        long.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
