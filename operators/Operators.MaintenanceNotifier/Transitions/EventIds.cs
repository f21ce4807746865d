using System.Security.Cryptography;
using System.Text;

namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>
/// Deterministic event ids: <c>evt_</c> + the first 32 lowercase hex characters of
/// <c>sha256("{notifier uid}/{building block uid}/{event}/{transition time}")</c>, the time rendered by
/// <see cref="Rfc3339.ToText"/>. The same transition of the same block for the same subscription always
/// gets the same id, across retries, restarts and leader changes; receivers deduplicate by it.
/// </summary>
internal static class EventIds
{
    /// <summary>The prefix of every id.</summary>
    public const string Prefix = "evt_";

    /// <summary>Computes the id of one transition.</summary>
    /// <param name="notifierUid">The MaintenanceNotifier's <c>metadata.uid</c>.</param>
    /// <param name="buildingBlockUid">The BuildingBlock's <c>metadata.uid</c>.</param>
    /// <param name="eventType"><c>Entered</c> or <c>Left</c>.</param>
    /// <param name="transitionTime">When the block made the transition.</param>
    /// <returns>The id, e.g. <c>evt_4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99</c>.</returns>
    public static string For(string notifierUid, string buildingBlockUid, string eventType, DateTime transitionTime)
    {
        var input = $"{notifierUid}/{buildingBlockUid}/{eventType}/{Rfc3339.ToText(transitionTime)}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(input), hash);
        return Prefix + Convert.ToHexStringLower(hash[..16]);
    }
}
