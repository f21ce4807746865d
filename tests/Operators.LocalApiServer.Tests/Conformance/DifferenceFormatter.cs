using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Writes values in difference lines the way the reference runner prints them (Python
/// <c>json.dumps</c>): <c>", "</c> and <c>": "</c> separators, non-ASCII escaped as <c>\uXXXX</c>.
/// </summary>
internal static class DifferenceFormatter
{
    /// <summary>One difference line: <c>step &lt;id&gt;: &lt;path&gt;: expected X, got Y</c>.</summary>
    public static string Line(string stepId, string path, JsonNode? expected, JsonNode? actual) =>
        "step " + stepId + ": " + path + ": expected " + Format(expected) + ", got " + Format(actual);

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static string Format(JsonNode? value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode? value, StringBuilder builder)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var firstKey = true;
                foreach (var (key, child) in obj)
                {
                    builder.Append(firstKey ? string.Empty : ", ");
                    WriteString(key, builder);
                    builder.Append(": ");
                    Write(child, builder);
                    firstKey = false;
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var index = 0; index < array.Count; index++)
                {
                    builder.Append(index == 0 ? string.Empty : ", ");
                    Write(array[index], builder);
                }

                builder.Append(']');
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                WriteString(scalar.GetValue<string>(), builder);
                break;
            default:
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(string text, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' or > '~' => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        builder.Append('"');
    }
}
