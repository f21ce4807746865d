using System.Globalization;

namespace Operators.Runtime.Hosting;

/// <summary>
/// Reads durations written the way Go's flags take them (<c>500ms</c>, <c>30s</c>, <c>1m30s</c>,
/// <c>10h</c>): one or more decimal numbers, each followed by a unit <c>ms</c>, <c>s</c>, <c>m</c> or
/// <c>h</c>. A .NET <see cref="TimeSpan"/> text (<c>00:00:30</c>) is accepted too.
/// </summary>
public static class GoDuration
{
    /// <summary>Parses <paramref name="text"/> into a non-negative duration.</summary>
    /// <param name="text">The flag's value.</param>
    /// <param name="duration">The duration, when the text is valid.</param>
    /// <returns>Whether the text is a valid duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Contains(':'))
        {
            return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        if (span is "0")
        {
            return true;
        }

        var total = 0.0;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[digits..];
            var unitLength = 0;
            while (unitLength < span.Length && char.IsAsciiLetter(span[unitLength]))
            {
                unitLength++;
            }

            double? milliseconds = span[..unitLength] switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (milliseconds is not { } scale)
            {
                return false;
            }

            total += number * scale;
            span = span[unitLength..];
        }

        if (total > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
