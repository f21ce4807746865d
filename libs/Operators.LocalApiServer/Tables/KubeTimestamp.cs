using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// Timestamps as kube-apiserver reads them (Go's RFC 3339 parsing, fractional seconds allowed)
/// and the age text printed for them in tables.
/// </summary>
internal static partial class KubeTimestamp
{
    private const string Unknown = "<unknown>";
    private static readonly DateTimeOffset Zero = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses an RFC 3339 timestamp such as <c>2024-01-01T00:00:00Z</c> or <c>2024-01-01T01:00:00.5+01:00</c>.</summary>
    public static bool TryParse(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        try
        {
            var zone = match.Groups["zone"].Value;
            var offset = zone == "Z"
                ? TimeSpan.Zero
                : new TimeSpan(Number(zone[1..3]), Number(zone[4..6]), 0) * (zone[0] == '-' ? -1 : 1);
            timestamp = new DateTimeOffset(
                Number(match.Groups["year"].Value), Number(match.Groups["month"].Value), Number(match.Groups["day"].Value),
                Number(match.Groups["hour"].Value), Number(match.Groups["minute"].Value), Number(match.Groups["second"].Value),
                offset).AddTicks(FractionTicks(match.Groups["fraction"].Value));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The age of a timestamp at <paramref name="now"/> (see <see cref="HumanDuration"/>);
    /// <c>&lt;unknown&gt;</c> when it is missing, empty or zero, <c>&lt;invalid&gt;</c> when unreadable.
    /// </summary>
    public static string Age(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text) || text == "null")
        {
            return Unknown;
        }

        if (!TryParse(text, out var timestamp))
        {
            return "<invalid>";
        }

        return timestamp == Zero ? Unknown : HumanDuration.Format(now - timestamp);
    }

    /// <summary>The age of a timestamp field; <c>&lt;unknown&gt;</c> when the field is not a string.</summary>
    public static string Age(JsonNode? field, DateTimeOffset now) =>
        Age(GoJson.KindOf(field) == GoJsonKind.String ? field!.GetValue<string>() : null, now);

    /// <summary>True when the field holds no timestamp, or the zero time.</summary>
    public static bool IsZero(JsonNode? field) =>
        GoJson.KindOf(field) != GoJsonKind.String
        || !TryParse(field!.GetValue<string>(), out var timestamp)
        || timestamp == Zero;

    /// <summary>The timestamp in UTC to the second (<c>2024-01-01T00:00:00Z</c>); the zero time when absent.</summary>
    public static string Rfc3339Utc(JsonNode? field)
    {
        var timestamp = GoJson.KindOf(field) == GoJsonKind.String && TryParse(field!.GetValue<string>(), out var parsed)
            ? parsed
            : Zero;
        return timestamp.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static long FractionTicks(string fraction) =>
        fraction.Length == 0 ? 0 : long.Parse(fraction[1..].PadRight(7, '0')[..7], NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        "^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})T(?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?<fraction>\\.[0-9]+)?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
