using System.Globalization;
using System.Text;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Formats a <c>float64</c> the two ways Go does: <c>fmt.Sprint</c> (shortest digits, exponent
/// form from 1e+06 on) and <c>encoding/json</c> (fixed form below 1e21, exponent form above).
/// </summary>
internal static class GoFloatFormat
{
    /// <summary>As <c>fmt.Sprint</c> prints it: <c>1.5</c>, <c>123456</c>, <c>1e+06</c>, <c>1e-05</c>.</summary>
    public static string Print(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var exponent = point - 1;
        var text = exponent < -4 || exponent >= 6 ? Scientific(digits, exponent) : Fixed(digits, point);
        return value < 0 ? "-" + text : text;
    }

    /// <summary>As <c>json.Marshal</c> writes it: <c>1.5</c>, <c>1000000</c>, <c>1e+21</c>, <c>1e-7</c>.</summary>
    public static string Json(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var magnitude = Math.Abs(value);
        var (digits, point) = ShortestDigits(magnitude);
        string text;
        if (magnitude < 1e-6 || magnitude >= 1e21)
        {
            text = Scientific(digits, point - 1);
            if (text.Length >= 4 && text[^4] == 'e' && text[^3] == '-' && text[^2] == '0')
            {
                text = text[..^2] + text[^1];
            }
        }
        else
        {
            text = Fixed(digits, point);
        }

        return value < 0 ? "-" + text : text;
    }

    /// <summary>The shortest round-tripping decimal digits of a positive value and where its point goes.</summary>
    private static (string Digits, int Point) ShortestDigits(double magnitude)
    {
        var text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integral = dot < 0 ? text : text[..dot];
        var all = dot < 0 ? text : integral + text[(dot + 1)..];
        var significant = all.TrimStart('0');
        var point = integral.Length + exponent - (all.Length - significant.Length);
        return (significant.TrimEnd('0'), point);
    }

    private static string Scientific(string digits, int exponent)
    {
        var builder = new StringBuilder().Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        if (magnitude < 10)
        {
            builder.Append('0');
        }

        return builder.Append(magnitude.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }
}
