using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Compact JSON as Go's <c>json.Marshal</c> writes a decoded object: keys sorted, <c>&lt;</c>,
/// <c>&gt;</c> and <c>&amp;</c> escaped, lower-case <c>\u00xx</c> escapes, Go's float format.
/// </summary>
internal static class GoJson
{
    private const string HexDigits = "0123456789abcdef";

    /// <summary>The JSON text of a value.</summary>
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (GoValues.KindOf(node))
        {
            case GoValueKind.Object:
                WriteObject(builder, node!.AsObject());
                break;
            case GoValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in node!.AsArray())
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case GoValueKind.String:
                WriteString(builder, node!.GetValue<string>());
                break;
            case GoValueKind.Bool:
                builder.Append(node!.GetValue<bool>() ? "true" : "false");
                break;
            case GoValueKind.Int:
                builder.Append(GoValues.Int(node!).ToString(CultureInfo.InvariantCulture));
                break;
            case GoValueKind.Float:
                builder.Append(GoFloatFormat.Json(GoValues.Float(node!)));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(first ? "" : ",");
            first = false;
            WriteString(builder, key);
            builder.Append(':');
            Write(builder, value);
        }

        builder.Append('}');
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u")
                        .Append(HexDigits[c >> 12]).Append(HexDigits[(c >> 8) & 0xF])
                        .Append(HexDigits[(c >> 4) & 0xF]).Append(HexDigits[c & 0xF]);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
