using System.Globalization;
using System.Text;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>Go's <c>%q</c> of a string (<c>strconv.Quote</c>), as kube-apiserver quotes values in messages.</summary>
internal static class GoQuote
{
    /// <summary>
    /// Double quotes around <paramref name="text"/>, with <c>\"</c>, <c>\\</c>, <c>\a</c> ... <c>\v</c>, and
    /// <c>\x</c>, <c>\u</c> or <c>\U</c> escapes for the runes Go does not print.
    /// </summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            AppendRune(quoted, rune);
        }

        return quoted.Append('"').ToString();
    }

    private static void AppendRune(StringBuilder quoted, Rune rune)
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
}
