using System.Text;

namespace Operators.LocalApiServer.Patching;

/// <summary>JSON pointers (RFC 6901) as JSON patch uses them.</summary>
internal static class JsonPointer
{
    /// <summary>
    /// The reference tokens of <paramref name="pointer"/>, unescaped (<c>~1</c> is <c>/</c>,
    /// <c>~0</c> is <c>~</c>); empty for the whole document (<c>""</c>); null when it is not a pointer.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        return pointer[1..].Split('/').Select(Unescape).ToList();
    }

    private static string Unescape(string token)
    {
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return token;
        }

        var text = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '~' && i + 1 < token.Length && token[i + 1] is '0' or '1')
            {
                text.Append(token[i + 1] == '0' ? '~' : '/');
                i++;
            }
            else
            {
                text.Append(token[i]);
            }
        }

        return text.ToString();
    }
}
