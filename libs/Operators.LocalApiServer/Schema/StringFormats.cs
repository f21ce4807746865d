using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Schema;

/// <summary>
/// The string <c>format</c>s custom resource schemas validate (apiextensions' supported list; every other
/// format, such as <c>int32</c>, is ignored), with the checks of kube-openapi's <c>strfmt</c> registry.
/// </summary>
internal static partial class StringFormats
{
    private static readonly Dictionary<string, Func<string, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = value => BsonObjectId().IsMatch(value),
        ["uri"] = IsRequestUri,
        ["email"] = IsEmail,
        ["hostname"] = IsHostname,
        ["ipv4"] = value => IsIp(value) && value.Contains('.', StringComparison.Ordinal),
        ["ipv6"] = value => IsIp(value) && value.Contains(':', StringComparison.Ordinal),
        ["cidr"] = IsCidr,
        ["mac"] = value => Mac().IsMatch(value),
        ["uuid"] = value => Uuid().IsMatch(value),
        ["uuid3"] = value => Uuid3().IsMatch(value),
        ["uuid4"] = value => Uuid4().IsMatch(value),
        ["uuid5"] = value => Uuid5().IsMatch(value),
        ["isbn"] = value => IsIsbn10(value) || IsIsbn13(value),
        ["isbn10"] = IsIsbn10,
        ["isbn13"] = IsIsbn13,
        ["creditcard"] = IsCreditCard,
        ["ssn"] = value => value.Length == 11 && Ssn().IsMatch(value),
        ["hexcolor"] = value => HexColor().IsMatch(value),
        ["rgbcolor"] = value => RgbColor().IsMatch(value),
        ["byte"] = value => Base64().IsMatch(value),
        ["password"] = _ => true,
        ["date"] = IsDate,
        ["duration"] = value => Duration().IsMatch(value),
        ["datetime"] = IsDateTime,
    };

    /// <summary>Whether custom resource validation checks this format (dashes are ignored, as go-openapi does).</summary>
    public static bool IsSupported(string format) => Checks.ContainsKey(Normalize(format));

    /// <summary>Whether <paramref name="value"/> is valid for the supported <paramref name="format"/>.</summary>
    public static bool IsValid(string format, string value) => Checks[Normalize(format)](value);

    private static string Normalize(string format) => format.Replace("-", "", StringComparison.Ordinal);

    private static bool IsDate(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>strfmt's <c>IsDateTime</c>: a full date, a <c>T</c>, and <c>hh:mm:ss[.frac](Z|±hh:mm)</c>.</summary>
    private static bool IsDateTime(string value)
    {
        if (value.Length < 4)
        {
            return false;
        }

        var parts = value.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]))
        {
            return false;
        }

        var match = TimeOfDay().Match(parts[1]);
        return match.Success &&
            string.CompareOrdinal(match.Groups[1].Value, "23") <= 0 &&
            string.CompareOrdinal(match.Groups[2].Value, "59") <= 0 &&
            string.CompareOrdinal(match.Groups[3].Value, "59") <= 0;
    }

    private static bool IsRequestUri(string value) =>
        value.StartsWith('/') ? !value.Contains(' ', StringComparison.Ordinal) : Uri.TryCreate(value, UriKind.Absolute, out _);

    private static bool IsEmail(string value)
    {
        try
        {
            return new MailAddress(value).Address.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsHostname(string value) =>
        value.Length <= 255 && Hostname().IsMatch(value) && value.Split('.').All(label => label.Length <= 63);

    /// <summary>Go's <c>net.ParseIP</c>: a dotted quad without leading zeros, or an IPv6 address without zone.</summary>
    private static bool IsIp(string value) => value.Contains(':', StringComparison.Ordinal)
        ? !value.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(value, out var ip) &&
            ip.AddressFamily == AddressFamily.InterNetworkV6
        : DottedQuad().IsMatch(value);

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsIp(value[..slash]) &&
            int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) &&
            bits <= (value[..slash].Contains(':', StringComparison.Ordinal) ? 128 : 32);
    }

    private static bool IsIsbn10(string value)
    {
        var digits = value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!Isbn10().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (i + 1) * (digits[i] - '0');
        }

        sum += digits[9] == 'X' ? 100 : 10 * (digits[9] - '0');
        return sum % 11 == 0;
    }

    private static bool IsIsbn13(string value)
    {
        var digits = value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (!Isbn13().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (i % 2 == 0 ? 1 : 3) * (digits[i] - '0');
        }

        return (10 - (sum % 10)) % 10 == digits[12] - '0';
    }

    private static bool IsCreditCard(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (!CreditCard().IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            digit = i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
            sum += digit;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\z")]
    private static partial Regex DottedQuad();

    [GeneratedRegex("^[0-9a-fA-F]{24}\\z")]
    private static partial Regex BsonObjectId();

    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})\\z|^([0-9A-Fa-f]{2}[:-]){7}([0-9A-Fa-f]{2})\\z|^([0-9A-Fa-f]{4}\\.){2}([0-9A-Fa-f]{4})\\z")]
    private static partial Regex Mac();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid3();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid4();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid5();

    [GeneratedRegex("^[0-9]{9}[0-9X]\\z")]
    private static partial Regex Isbn10();

    [GeneratedRegex("^[0-9]{13}\\z")]
    private static partial Regex Isbn13();

    [GeneratedRegex("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11}|6[27][0-9]{14})\\z")]
    private static partial Regex CreditCard();

    [GeneratedRegex("^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}\\z")]
    private static partial Regex Ssn();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z")]
    private static partial Regex HexColor();

    [GeneratedRegex("^rgb\\(\\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\\s*,\\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\\s*,\\s*(0|[1-9][0-9]?|1[0-9][0-9]?|2[0-4][0-9]|25[0-5])\\s*\\)\\z")]
    private static partial Regex RgbColor();

    [GeneratedRegex("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})\\z")]
    private static partial Regex Base64();

    [GeneratedRegex("^([0-9]+(\\.[0-9]+)?\\s*(ns|us|µs|ms|s|m|h|d|w)\\s*)+\\z|^[0-9]+\\s*(ns|us|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?)\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex("^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z0-9\\p{S}\\p{L}])(-?[a-zA-Z0-9\\p{S}\\p{L}]){1,62})\\z")]
    private static partial Regex Hostname();
}
