using System.Globalization;

namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>
/// The one rendering of a transition time used in event ids, CloudEvent <c>time</c> and messages:
/// UTC, whole seconds, <c>yyyy-MM-ddTHH:mm:ssZ</c> (for example <c>2026-01-01T10:00:00Z</c>).
/// Fractions of a second are dropped, never rounded.
/// </summary>
internal static class Rfc3339
{
    /// <summary>The format string, as <see cref="DateTime.ToString(string, IFormatProvider)"/> reads it.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>
    /// Converts <paramref name="time"/> to UTC and drops fractions of a second. A time of kind
    /// <see cref="DateTimeKind.Unspecified"/> is taken to be UTC already (that is how the API's JSON reads).
    /// </summary>
    /// <param name="time">Any time.</param>
    /// <returns>The same instant in UTC, truncated to the second.</returns>
    public static DateTime ToUtcSeconds(DateTime time)
    {
        var utc = time.Kind switch
        {
            DateTimeKind.Local => time.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => time,
        };
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>Truncates an instant to the second, in UTC.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>The UTC time, truncated to the second.</returns>
    public static DateTime ToUtcSeconds(DateTimeOffset time) => ToUtcSeconds(time.UtcDateTime);

    /// <summary>Rounds an instant up to the next whole second (unchanged when already whole), in UTC.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>The UTC time, rounded up to the second.</returns>
    public static DateTime CeilingToSeconds(DateTimeOffset time)
    {
        var floor = ToUtcSeconds(time);
        return floor == time.UtcDateTime ? floor : floor.AddSeconds(1);
    }

    /// <summary>Renders <paramref name="time"/> as <c>yyyy-MM-ddTHH:mm:ssZ</c> after <see cref="ToUtcSeconds(DateTime)"/>.</summary>
    /// <param name="time">Any time.</param>
    /// <returns>The text.</returns>
    public static string ToText(DateTime time) => ToUtcSeconds(time).ToString(Format, CultureInfo.InvariantCulture);
}
