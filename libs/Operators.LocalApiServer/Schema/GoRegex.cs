using System.Text;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// Compiles a schema <c>pattern</c> with the meaning Go's RE2 <c>regexp</c> gives it: <c>$</c> only matches at
/// the very end, <c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII, <c>(?P&lt;name&gt;</c> and POSIX classes work,
/// and matching runs in linear time. Lookarounds and backreferences are rejected, as RE2 rejects them.
/// </summary>
internal static class GoRegex
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> if RE2 would reject it.</summary>
    public static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"pattern '{pattern}' is not a valid regular expression: {e.Message}", nameof(pattern), e);
        }
    }

    private static string Translate(string pattern)
    {
        var multiline = pattern.Contains("(?m", StringComparison.Ordinal);
        var result = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = TranslateEscape(pattern, i, inClass, result);
            }
            else if (inClass && c == '[' && TryTranslatePosixClass(pattern, ref i, result))
            {
                continue;
            }
            else if (c == '[' && !inClass)
            {
                inClass = true;
                result.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append("\\]");
                    i++;
                }
            }
            else if (c == ']' && inClass)
            {
                inClass = false;
                result.Append(c);
            }
            else if (c == '$' && !inClass && !multiline)
            {
                result.Append("\\z");
            }
            else if (c == '(' && !inClass && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                result.Append("(?<");
                i += 3;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static int TranslateEscape(string pattern, int at, bool inClass, StringBuilder result)
    {
        var next = pattern[at + 1];
        var ascii = (next, inClass) switch
        {
            ('d', false) => "[0-9]",
            ('D', false) => "[^0-9]",
            ('w', false) => "[0-9A-Za-z_]",
            ('W', false) => "[^0-9A-Za-z_]",
            ('s', false) => "[\\t\\n\\f\\r ]",
            ('S', false) => "[^\\t\\n\\f\\r ]",
            ('d', true) => "0-9",
            ('w', true) => "0-9A-Za-z_",
            ('s', true) => "\\t\\n\\f\\r ",
            _ => null,
        };
        if (ascii is not null)
        {
            result.Append(ascii);
            return at + 1;
        }

        if ((next == 'p' || next == 'P') && at + 2 < pattern.Length && pattern[at + 2] != '{')
        {
            result.Append('\\').Append(next).Append('{').Append(pattern[at + 2]).Append('}');
            return at + 2;
        }

        if (next == 'Q')
        {
            var end = pattern.IndexOf("\\E", at + 2, StringComparison.Ordinal);
            var literal = end < 0 ? pattern[(at + 2)..] : pattern[(at + 2)..end];
            result.Append(Regex.Escape(literal));
            return end < 0 ? pattern.Length - 1 : end + 1;
        }

        result.Append('\\').Append(next);
        return at + 1;
    }

    private static bool TryTranslatePosixClass(string pattern, ref int at, StringBuilder result)
    {
        if (at + 1 >= pattern.Length || pattern[at + 1] != ':')
        {
            return false;
        }

        var end = pattern.IndexOf(":]", at + 2, StringComparison.Ordinal);
        if (end < 0 || !PosixClasses.TryGetValue(pattern[(at + 2)..end], out var members))
        {
            return false;
        }

        result.Append(members);
        at = end + 1;
        return true;
    }
}
