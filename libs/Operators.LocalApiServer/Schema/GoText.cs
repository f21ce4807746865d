using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Renders values as Go and kube-apiserver render them in validation messages: <c>strconv.Quote</c> for
/// strings, <c>%v</c> for numbers and booleans, and <c>encoding/json</c> (sorted keys, HTML-safe) for the rest.
/// </summary>
internal static class GoText
{
    /// <summary>
    /// The bad value of a field error as <c>field.Error.ErrorBody</c> prints it. Accepts strings, integers,
    /// doubles, booleans, <see cref="JsonNode"/>s and null.
    /// </summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => GoFloat.FormatV(number),
        bool flag => flag ? "true" : "false",
        JsonNode node => NodeValue(node),
        _ => throw new ArgumentException($"unsupported value type {value.GetType()}", nameof(value)),
    };

    /// <summary>Go's <c>strconv.Quote</c>: double quotes, escapes for quotes, backslashes and non-printable runes.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            AppendQuotedRune(quoted, rune);
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Go's <c>json.Marshal</c> of decoded JSON: object keys sorted, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> escaped.</summary>
    public static string Json(JsonNode? node)
    {
        var json = new StringBuilder();
        AppendJson(json, node);
        return json.ToString();
    }

    private static string NodeValue(JsonNode node) => JsonValues.KindOf(node) switch
    {
        ValueKind.String => Quote(JsonValues.GetString(node)),
        ValueKind.Number => GoFloat.FormatV(JsonValues.GetDouble(node)),
        _ => Json(node),
    };

    private static void AppendQuotedRune(StringBuilder quoted, Rune rune)
    {
        switch (rune.Value)
        {
            case '"' or '\\':
                quoted.Append('\\').Append((char)rune.Value);
                return;
            case '\a': quoted.Append("\\a"); return;
            case '\b': quoted.Append("\\b"); return;
            case '\f': quoted.Append("\\f"); return;
            case '\n': quoted.Append("\\n"); return;
            case '\r': quoted.Append("\\r"); return;
            case '\t': quoted.Append("\\t"); return;
            case '\v': quoted.Append("\\v"); return;
        }

        if (IsPrintable(rune))
        {
            quoted.Append(rune.ToString());
        }
        else if (rune.Value < ' ' || rune.Value == 0x7f)
        {
            quoted.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (rune.IsBmp)
        {
            quoted.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            quoted.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    private static void AppendJson(StringBuilder json, JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case ValueKind.Object:
                json.Append('{');
                var first = true;
                foreach (var (key, value) in ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.Append(first ? "" : ",");
                    first = false;
                    AppendJsonString(json, key);
                    json.Append(':');
                    AppendJson(json, value);
                }

                json.Append('}');
                break;
            case ValueKind.Array:
                json.Append('[');
                var array = (JsonArray)node!;
                for (var i = 0; i < array.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    AppendJson(json, array[i]);
                }

                json.Append(']');
                break;
            case ValueKind.String:
                AppendJsonString(json, JsonValues.GetString(node!));
                break;
            case ValueKind.Integer:
                json.Append(JsonValues.GetInteger(node!).ToString(CultureInfo.InvariantCulture));
                break;
            case ValueKind.Number:
                json.Append(GoFloat.FormatJson(JsonValues.GetDouble(node!)));
                break;
            case ValueKind.Boolean:
                json.Append(JsonValues.GetBoolean(node!) ? "true" : "false");
                break;
            default:
                json.Append("null");
                break;
        }
    }

    private static void AppendJsonString(StringBuilder json, string text)
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
