using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>One flip of a block's Maintenance condition, as its status recorded it.</summary>
/// <param name="Block">The block's name.</param>
/// <param name="BlockUid">The block's uid.</param>
/// <param name="Event"><c>Entered</c> or <c>Left</c>.</param>
/// <param name="Time">The transition time (<c>status.maintenance.lastEnteredTime</c> / <c>lastLeftTime</c>).</param>
internal sealed record Transition(string Block, string BlockUid, string Event, DateTime Time)
{
    /// <summary>
    /// The id a subscription sends for this transition, computed here from DESIGN.md's rule (not from the
    /// notifier's code): <c>evt_</c> + the first 32 hex characters of
    /// <c>sha256("{notifier uid}/{block uid}/{event}/{time RFC3339}")</c>.
    /// </summary>
    public string IdFor(string notifierUid)
    {
        var time = DateTime.SpecifyKind(Time, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{notifierUid}/{BlockUid}/{Event}/{time}"));
        return "evt_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
