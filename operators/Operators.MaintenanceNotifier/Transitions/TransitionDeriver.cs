using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Runtime.Objects;

namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>
/// Reads the transitions a subscription should deliver from a building block's status:
/// <list type="number">
/// <item><c>Entered</c> at <c>status.maintenance.lastEnteredTime</c>, when that time is set;</item>
/// <item><c>Left</c> at <c>status.maintenance.lastLeftTime</c>, when the <c>Maintenance</c> condition is not True
/// and the Left is not older than the Entered (a Left older than the last Entered belongs to a previous cycle:
/// only the latest Entered/Left pair is ever delivered; with the condition False, a Left in the same second
/// as the Entered is that cycle's end);</item>
/// <item>only transitions at or after the notifier's creation (no replay of history);</item>
/// <item>only the event types the subscription asks for.</item>
/// </list>
/// The result is ordered oldest first. Times are compared in UTC whole seconds (<see cref="Rfc3339"/>).
/// </summary>
internal static class TransitionDeriver
{
    /// <summary>The event types delivered when <c>spec.events</c> is absent.</summary>
    public static readonly IReadOnlyList<string> DefaultEvents = [MaintenanceEvents.Entered, MaintenanceEvents.Left];

    /// <summary>Derives the transitions of <paramref name="block"/> for one subscription, oldest first.</summary>
    /// <param name="block">The building block as cached.</param>
    /// <param name="notifierUid">The subscription's uid (part of every event id).</param>
    /// <param name="notBefore">The subscription's creation time; older transitions are history.</param>
    /// <param name="subscribedEvents">The event types to deliver; null or empty for <see cref="DefaultEvents"/>.</param>
    /// <returns>Zero, one or two transitions.</returns>
    public static IReadOnlyList<MaintenanceTransition> Derive(
        V1Alpha1BuildingBlock block, string notifierUid, DateTime notBefore, IEnumerable<string>? subscribedEvents)
    {
        ArgumentNullException.ThrowIfNull(block);
        var history = block.Status?.Maintenance;
        var uid = block.Metadata.Uid ?? string.Empty;
        if (history?.LastEnteredTime is null && history?.LastLeftTime is null)
        {
            return [];
        }

        var subscribed = subscribedEvents?.ToList() is { Count: > 0 } list ? list : DefaultEvents;
        var since = Rfc3339.ToUtcSeconds(notBefore);
        DateTime? entered = history.LastEnteredTime is { } e ? Rfc3339.ToUtcSeconds(e) : null;
        DateTime? left = history.LastLeftTime is { } l ? Rfc3339.ToUtcSeconds(l) : null;
        var inMaintenance = Conditions.IsTrue(block.Status?.Conditions, BuildingBlockConditions.Maintenance);

        var transitions = new List<MaintenanceTransition>(2);
        if (entered is { } enteredAt)
        {
            Add(transitions, MaintenanceEvents.Entered, enteredAt);
        }

        if (left is { } leftAt && !inMaintenance && (entered is null || leftAt >= entered))
        {
            Add(transitions, MaintenanceEvents.Left, leftAt);
        }

        return transitions;

        void Add(List<MaintenanceTransition> into, string eventType, DateTime at)
        {
            if (at >= since && subscribed.Contains(eventType, StringComparer.Ordinal))
            {
                into.Add(new MaintenanceTransition(eventType, at, EventIds.For(notifierUid, uid, eventType, at)));
            }
        }
    }
}
