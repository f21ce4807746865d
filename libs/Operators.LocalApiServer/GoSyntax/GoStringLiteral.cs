using System.Globalization;
using System.Text;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// Unquotes a string literal of a JSONPath expression, in double or single quotes, with Go's
/// escapes (<c>\n</c>, <c>\t</c>, <c>\\</c>, <c>\"</c>, <c>\x41</c>, <c>\u00e9</c>, <c>\101</c>...).
/// </summary>
internal static class GoStringLiteral
{
    /// <summary>The text of <paramref name="quoted"/>, quotes included in the argument.</summary>
    /// <exception cref="FormatException">The literal is malformed.</exception>
    public static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != quoted[^1] || quoted[0] is not ('"' or '\''))
        {
            throw Malformed(quoted);
        }

        var quote = quoted[0];
        var body = quoted[1..^1];
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length;)
        {
            var c = body[i++];
            if (c == quote)
            {
                throw Malformed(quoted);
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (i >= body.Length)
            {
                throw Malformed(quoted);
            }

            var escape = body[i++];
            switch (escape)
            {
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'v': text.Append('\v'); break;
                case '\\': text.Append('\\'); break;
                case '\'' or '"' when escape == quote: text.Append(escape); break;
                case 'x': text.Append((char)Hex(quoted, body, ref i, 2)); break;
                case 'u': text.Append(Rune(quoted, Hex(quoted, body, ref i, 4))); break;
                case 'U': text.Append(Rune(quoted, Hex(quoted, body, ref i, 8))); break;
                case >= '0' and <= '7': text.Append((char)Octal(quoted, body, ref i, escape)); break;
                default: throw Malformed(quoted);
            }
        }

        return text.ToString();
    }

    private static int Hex(string quoted, string body, ref int index, int digits)
    {
        if (index + digits > body.Length
            || !int.TryParse(body.AsSpan(index, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value < 0)
        {
            throw Malformed(quoted);
        }

        index += digits;
        return value;
    }

    private static int Octal(string quoted, string body, ref int index, char firstDigit)
    {
        var value = firstDigit - '0';
        for (var j = 0; j < 2; j++, index++)
        {
            if (index >= body.Length || body[index] is < '0' or > '7')
            {
                throw Malformed(quoted);
            }

            value = (value << 3) | (body[index] - '0');
        }

        return value <= 255 ? value : throw Malformed(quoted);
    }

    private static string Rune(string quoted, int codePoint) =>
        System.Text.Rune.IsValid(codePoint) ? char.ConvertFromUtf32(codePoint) : throw Malformed(quoted);

    private static FormatException Malformed(string quoted) => new($"unquote string {quoted}: invalid syntax");
}
