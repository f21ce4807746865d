using System.Globalization;
using System.Text;

namespace Operators.LocalApiServer.GoSyntax;

/// <summary>
/// A <c>float64</c> as Go writes it, with the shortest digits that read back to the same value: <c>%v</c>
/// in messages and printed cells, <c>encoding/json</c> in JSON.
/// </summary>
internal static class GoFloatText
{
    /// <summary>
    /// <c>%v</c> (<c>strconv.FormatFloat(f, 'g', -1, 64)</c>): <c>1.5</c>, <c>123456</c>, <c>-0</c>, and exponent
    /// form from 1e+06 or below 1e-04 (<c>1e+06</c>, <c>1e-05</c>).
    /// </summary>
    public static string Format(double value)
    {
        var (negative, digits, point) = Shortest(value);
        var exponent = point - 1;
        return exponent < -4 || exponent >= 6
            ? Exponent(negative, digits, point, trimNegativeExponent: false)
            : Plain(negative, digits, point);
    }

    /// <summary><c>encoding/json</c>: plain digits, exponent form below 1e-6 or from 1e21 (<c>1e-7</c>, <c>1e+21</c>).</summary>
    public static string FormatJson(double value)
    {
        var (negative, digits, point) = Shortest(value);
        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)
            ? Exponent(negative, digits, point, trimNegativeExponent: true)
            : Plain(negative, digits, point);
    }

    private static string Plain(bool negative, string digits, int point)
    {
        var text = new StringBuilder(negative ? "-" : "");
        if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }

        return text.ToString();
    }

    private static string Exponent(bool negative, string digits, int point, bool trimNegativeExponent)
    {
        var text = new StringBuilder(negative ? "-" : "");
        text.Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var exponent = point - 1;
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (magnitude.Length < 2 && !(trimNegativeExponent && exponent < 0))
        {
            text.Append('0');
        }

        return text.Append(magnitude).ToString();
    }

    /// <summary>The shortest round-trip decimal digits of the value and the position of the decimal point.</summary>
    private static (bool Negative, string Digits, int Point) Shortest(double value)
    {
        if (value == 0)
        {
            return (double.IsNegative(value), "0", 1);
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var digits = dot < 0 ? mantissa : integerPart + mantissa[(dot + 1)..];
        var point = integerPart.Length + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (value < 0, digits, point - leadingZeros);
    }
}
