using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Operators.CrdGenerator;

/// <summary>
/// Writes a JSON tree as block-style YAML, the way Kubernetes manifests look: two-space indents,
/// sequences at their key's indent, empty collections as <c>{}</c>/<c>[]</c>, strings plain
/// unless YAML (1.1 or 1.2) would read them as something else, then single-quoted, or
/// double-quoted when they hold line breaks or control characters.
/// </summary>
internal static partial class YamlWriter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "=", "<<",
    };

    /// <summary>The YAML document of <paramref name="root"/>, ending with a newline.</summary>
    public static string Write(JsonObject root)
    {
        var builder = new StringBuilder();
        WriteMapping(builder, root, 0, inlineFirst: false);
        return builder.ToString();
    }

    /// <summary>A scalar as it appears in YAML.</summary>
    public static string Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => QuoteIfNeeded(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
    }

    /// <summary><paramref name="text"/> plain when that reads back as the same string, quoted otherwise.</summary>
    public static string QuoteIfNeeded(string text)
    {
        if (text.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'))
        {
            return DoubleQuoted(text);
        }

        return NeedsQuotes(text) ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text;
    }

    private static bool NeedsQuotes(string text) =>
        Reserved.Contains(text)
        || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
        || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
        || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal)
        || text.EndsWith(':')
        || NumberLike().IsMatch(text);

    private static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' =>
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static void WriteMapping(StringBuilder builder, JsonObject mapping, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in mapping)
        {
            if (!(first && inlineFirst))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(QuoteIfNeeded(key)).Append(':');
            WriteValue(builder, value, indent, childIndent: indent + 2);
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray sequence, int indent)
    {
        foreach (var item in sequence)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case JsonObject { Count: > 0 } mapping:
                    builder.Append(' ');
                    WriteMapping(builder, mapping, indent + 2, inlineFirst: true);
                    break;
                case JsonArray { Count: > 0 } nested:
                    builder.Append('\n');
                    WriteSequence(builder, nested, indent + 2);
                    break;
                default:
                    WriteValue(builder, item, indent, childIndent: indent + 2);
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent, int childIndent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                builder.Append(" {}\n");
                break;
            case JsonObject mapping:
                builder.Append('\n');
                WriteMapping(builder, mapping, childIndent, inlineFirst: false);
                break;
            case JsonArray { Count: 0 }:
                builder.Append(" []\n");
                break;
            case JsonArray sequence:
                builder.Append('\n');
                WriteSequence(builder, sequence, indent);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>Anything YAML 1.1 or 1.2 might resolve as a number (ints, floats, hex, octal, sexagesimal, .inf, .nan).</summary>
    [GeneratedRegex(@"^[-+]?(\.?[0-9]|\.(inf|nan)$|0[xob])", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();
}
