using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Compact JSON as Go's <c>json.Marshal</c> writes decoded JSON: object keys sorted, <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, U+2028 and U+2029 escaped, lower-case <c>\u00xx</c> escapes and Go's float format.
/// </summary>
internal static class GoJsonText
{
    /// <summary>The JSON text of <paramref name="node"/>; <c>null</c> for null.</summary>
    public static string Marshal(JsonNode? node)
    {
        var json = new StringBuilder();
        Append(json, node);
        return json.ToString();
    }

    private static void Append(StringBuilder json, JsonNode? node)
    {
        switch (GoJson.KindOf(node))
        {
            case GoJsonKind.Object:
                json.Append('{');
                var first = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.Append(first ? "" : ",");
                    first = false;
                    AppendString(json, key);
                    json.Append(':');
                    Append(json, value);
                }

                json.Append('}');
                break;
            case GoJsonKind.Array:
                json.Append('[');
                var array = node!.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    Append(json, array[i]);
                }

                json.Append(']');
                break;
            case GoJsonKind.String:
                AppendString(json, GoJson.GetString(node!));
                break;
            case GoJsonKind.Int:
                json.Append(GoJson.GetInt64(node!).ToString(CultureInfo.InvariantCulture));
                break;
            case GoJsonKind.Float:
                json.Append(GoFloatText.FormatJson(GoJson.GetDouble(node!)));
                break;
            case GoJsonKind.Bool:
                json.Append(GoJson.GetBool(node!) ? "true" : "false");
                break;
            default:
                json.Append("null");
                break;
        }
    }

    private static void AppendString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
