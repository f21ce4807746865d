using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Events;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock;

/// <summary>
/// The Events a status change stands for, derived from the previous and the new status alone, so a
/// reconcile that changes nothing records nothing (and one that is retried after a failed status write
/// records them once, after the write that succeeds):
/// <list type="bullet">
/// <item><c>InvalidSpec</c> / <c>HostConflict</c> (Warning): <c>Ready</c> turned to that reason, or its message changed;</item>
/// <item><c>MaintenanceEntered</c>: <c>Maintenance</c> turned True;</item>
/// <item><c>MaintenanceCompleted</c>: <c>Maintenance</c> reached <c>InMaintenance</c> (every agent out of service);</item>
/// <item><c>MaintenanceLeft</c>: <c>Maintenance</c> turned False after True.</item>
/// </list>
/// </summary>
internal static class StatusEvents
{
    /// <summary>The Events between <paramref name="previous"/> and <paramref name="current"/>, in the order to record them.</summary>
    /// <param name="previous">The status before (null for a new block).</param>
    /// <param name="current">The status after.</param>
    /// <returns>The Events; empty when nothing noteworthy changed.</returns>
    public static IReadOnlyList<BlockEvent> Between(BuildingBlockStatus? previous, BuildingBlockStatus current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var events = new List<BlockEvent>();
        var oldReady = Conditions.Find(previous?.Conditions, BuildingBlockConditions.Ready);
        var newReady = Conditions.Find(current.Conditions, BuildingBlockConditions.Ready);
        if (newReady is { Reason: BuildingBlockConditions.InvalidSpec or BuildingBlockConditions.HostConflict } && !SameReasonAndMessage(oldReady, newReady))
        {
            var reason = newReady.Reason == BuildingBlockConditions.InvalidSpec ? EventReasons.InvalidSpec : EventReasons.HostConflict;
            events.Add(new BlockEvent(EventType.Warning, reason, newReady.Message));
        }

        var oldMaintenance = Conditions.Find(previous?.Conditions, BuildingBlockConditions.Maintenance);
        var newMaintenance = Conditions.Find(current.Conditions, BuildingBlockConditions.Maintenance);
        var wasOn = oldMaintenance?.Status == ConditionStatus.True;
        var isOn = newMaintenance?.Status == ConditionStatus.True;
        var reasonText = current.Maintenance?.Reason;
        var agents = current.DesiredAgents ?? 0;
        if (isOn && !wasOn)
        {
            events.Add(new BlockEvent(EventType.Normal, EventReasons.MaintenanceEntered,
                $"Maintenance requested (\"{reasonText}\"): taking {agents} agents out of service"));
        }

        if (isOn && newMaintenance!.Reason == BuildingBlockConditions.InMaintenance
            && !(wasOn && oldMaintenance!.Reason == BuildingBlockConditions.InMaintenance))
        {
            events.Add(new BlockEvent(EventType.Normal, EventReasons.MaintenanceCompleted,
                $"All {agents} agents are out of service (\"{reasonText}\")"));
        }

        if (wasOn && newMaintenance?.Status == ConditionStatus.False)
        {
            events.Add(new BlockEvent(EventType.Normal, EventReasons.MaintenanceLeft,
                $"Maintenance request removed: returning {agents} agents to service"));
        }

        return events;
    }

    private static bool SameReasonAndMessage(V1Condition? a, V1Condition b) =>
        a is not null && a.Reason == b.Reason && string.Equals(a.Message, b.Message, StringComparison.Ordinal);
}
