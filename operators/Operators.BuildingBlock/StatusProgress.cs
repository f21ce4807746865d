using Operators.Api.BuildingBlocks;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock;

/// <summary>Tells a status change that only reports progress from one that says something new.</summary>
internal static class StatusProgress
{
    /// <summary>
    /// True when <paramref name="computed"/> differs from <paramref name="cached"/> only in what counts progress:
    /// the ready and out-of-service counts, each agent's <c>ready</c>/<c>inService</c>, and condition messages.
    /// Anything else (a condition's status or reason, a new generation, other hosts, the maintenance history) is
    /// news and is never held back.
    /// </summary>
    /// <param name="cached">The status as cached; null for a block never written.</param>
    /// <param name="computed">The status just computed.</param>
    /// <returns>Whether the change is progress only.</returns>
    public static bool IsProgressOnly(BuildingBlockStatus? cached, BuildingBlockStatus computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        if (cached is null
            || cached.ObservedGeneration != computed.ObservedGeneration
            || cached.DesiredAgents != computed.DesiredAgents
            || !SameHistory(cached.Maintenance, computed.Maintenance)
            || !SameAgentNames(cached, computed))
        {
            return false;
        }

        return Conditions.DifferOnlyInMessages(cached.Conditions, computed.Conditions);
    }

    private static bool SameHistory(MaintenanceHistory? a, MaintenanceHistory? b) =>
        a?.LastEnteredTime == b?.LastEnteredTime && a?.LastLeftTime == b?.LastLeftTime && a?.Reason == b?.Reason;

    private static bool SameAgentNames(BuildingBlockStatus a, BuildingBlockStatus b) =>
        (a.Agents ?? []).Select(x => x.Name).SequenceEqual((b.Agents ?? []).Select(x => x.Name), StringComparer.Ordinal);
}
