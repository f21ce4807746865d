using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// Prints decoded JSON values the way Go's <c>fmt</c> does (<c>%v</c> and <c>%s</c>), so that
/// strategic merge patch errors read exactly as kube-apiserver's, e.g. <c>map[image:x name:a]</c>.
/// </summary>
internal static class GoPrinter
{
    /// <summary>
    /// <c>%v</c>: maps as <c>map[k:v ...]</c> with sorted keys, slices as <c>[a b]</c>, strings
    /// unquoted, nil as <c>&lt;nil&gt;</c>.
    /// </summary>
    public static string Value(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    /// <summary><c>%s</c>: strings as they are; anything else as Go's <c>%!s(type=value)</c>.</summary>
    public static string AsString(JsonNode? node) => GoDecodedJson.TypeOf(node) switch
    {
        GoDecodedType.String => node!.GetValue<string>(),
        GoDecodedType.Nil => "%!s(<nil>)",
        var type => $"%!s({GoDecodedJson.TypeName(type)}={Value(node)})",
    };

    /// <summary>Go's <c>fmt.Sprint</c> of several slices: <c>[[a b] [c]]</c>.</summary>
    public static string Slices(params IEnumerable<JsonNode?>[] slices) =>
        "[" + string.Join(' ', slices.Select(s => Value(new JsonArray(s.Select(n => n?.DeepClone()).ToArray())))) + "]";

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (GoDecodedJson.TypeOf(node))
        {
            case GoDecodedType.Nil:
                text.Append("<nil>");
                break;
            case GoDecodedType.Map:
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
            case GoDecodedType.Slice:
                text.Append('[');
                var array = node!.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : " ");
                    Append(text, array[i]);
                }

                text.Append(']');
                break;
            case GoDecodedType.String:
                text.Append(node!.GetValue<string>());
                break;
            case GoDecodedType.Bool:
                text.Append(node!.GetValueKind() == System.Text.Json.JsonValueKind.True ? "true" : "false");
                break;
            case GoDecodedType.Int64:
                GoDecodedJson.TryGetInt64(node!, out var integer);
                text.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(Float(GoDecodedJson.ToDouble(node!)));
                break;
        }
    }

    /// <summary>Go's <c>%v</c> of a float64: shortest digits, exponent form below 1e-4 and from 1e6.</summary>
    private static string Float(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var writtenExponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var allDigits = integerPart + (point < 0 ? "" : mantissa[(point + 1)..]);
        var firstSignificant = allDigits.TakeWhile(c => c == '0').Count();
        if (firstSignificant == allDigits.Length)
        {
            return "0";
        }

        var digits = allDigits[firstSignificant..].TrimEnd('0');
        var exponent = integerPart.Length - 1 - firstSignificant + writtenExponent;
        var sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 6)
        {
            return sign + value.ToString("R", CultureInfo.InvariantCulture).TrimStart('-');
        }

        var fraction = digits.Length > 1 ? "." + digits[1..] : "";
        return $"{sign}{digits[0]}{fraction}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }
}
