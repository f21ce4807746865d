using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Decoded JSON as Go's <c>fmt</c> prints an <c>interface{}</c> holding it (<c>%v</c>, <c>%s</c>),
/// e.g. <c>map[image:x name:a]</c> in strategic merge patch errors or <c>1e+06</c> in a printed cell.
/// </summary>
internal static class GoValueText
{
    /// <summary>
    /// <c>%v</c>: maps as <c>map[k:v ...]</c> with sorted keys, slices as <c>[a b]</c>, strings unquoted,
    /// numbers as Go prints <c>int64</c> and <c>float64</c>, nil as <c>&lt;nil&gt;</c>.
    /// </summary>
    public static string Value(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    /// <summary><c>%s</c>: strings as they are; anything else as Go's <c>%!s(type=value)</c>.</summary>
    public static string AsString(JsonNode? node) => GoJson.KindOf(node) switch
    {
        GoJsonKind.String => GoJson.GetString(node!),
        GoJsonKind.Null => "%!s(<nil>)",
        var kind => $"%!s({GoTypeNames.ReflectType(kind)}={Value(node)})",
    };

    /// <summary>Go's <c>fmt.Sprint</c> of several slices: <c>[[a b] [c]]</c>.</summary>
    public static string Slices(params IEnumerable<JsonNode?>[] slices) =>
        "[" + string.Join(' ', slices.Select(s => Value(new JsonArray(s.Select(n => n?.DeepClone()).ToArray())))) + "]";

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (GoJson.KindOf(node))
        {
            case GoJsonKind.Null:
                text.Append("<nil>");
                break;
            case GoJsonKind.Object:
                text.Append("map[");
                var first = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : " ").Append(key).Append(':');
                    Append(text, value);
                    first = false;
                }

                text.Append(']');
                break;
            case GoJsonKind.Array:
                text.Append('[');
                var array = node!.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : " ");
                    Append(text, array[i]);
                }

                text.Append(']');
                break;
            case GoJsonKind.String:
                text.Append(GoJson.GetString(node!));
                break;
            case GoJsonKind.Bool:
                text.Append(GoJson.GetBool(node!) ? "true" : "false");
                break;
            case GoJsonKind.Int:
                text.Append(GoJson.GetInt64(node!).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(GoFloatText.Format(GoJson.GetDouble(node!)));
                break;
        }
    }
}
