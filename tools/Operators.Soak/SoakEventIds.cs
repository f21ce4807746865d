using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Operators.Soak;

/// <summary>
/// The event id of DESIGN.md 6.3, computed here independently of the notifier: <c>evt_</c> + the first 32
/// lowercase hex characters of <c>sha256("{notifier uid}/{block uid}/{event}/{time}")</c>, the time as
/// <c>yyyy-MM-ddTHH:mm:ssZ</c> (UTC, whole seconds).
/// </summary>
internal static class SoakEventIds
{
    /// <summary>Computes an id.</summary>
    /// <param name="notifierUid">The notifier's uid.</param>
    /// <param name="blockUid">The block's uid.</param>
    /// <param name="eventType"><c>Entered</c> or <c>Left</c>.</param>
    /// <param name="time">The transition time (UTC).</param>
    /// <returns>The id.</returns>
    public static string For(string notifierUid, string blockUid, string eventType, DateTime time)
    {
        var text = time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{notifierUid}/{blockUid}/{eventType}/{text}"));
        return "evt_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Reads an RFC 3339 time and drops the fraction of a second.</summary>
    /// <param name="text">The time as written in a status.</param>
    /// <returns>The UTC time in whole seconds, or null when absent or unreadable.</returns>
    public static DateTime? WholeSeconds(string? text)
    {
        if (text is null || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        return new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
