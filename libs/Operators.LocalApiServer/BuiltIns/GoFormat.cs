using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>Renders values the way kube-apiserver prints them inside field error messages.</summary>
internal static class GoFormat
{
    /// <summary>A Go <c>%q</c> quoted string: <c>"a\"b"</c>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A JSON value as Go prints it: strings quoted, numbers and booleans bare, <c>null</c>, else compact JSON.</summary>
    public static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Quote(value.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    /// <summary>A list of strings as Go's <c>%#v</c> prints a <c>[]string</c>.</summary>
    public static string StringSlice(IEnumerable<string> values) =>
        "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>A string map as Go's <c>%#v</c> prints a <c>map[string]string</c>, keys sorted.</summary>
    public static string StringMap(IEnumerable<KeyValuePair<string, string>> entries) =>
        "map[string]string{" +
        string.Join(", ", entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Quote(e.Key) + ":" + Quote(e.Value))) +
        "}";
}
