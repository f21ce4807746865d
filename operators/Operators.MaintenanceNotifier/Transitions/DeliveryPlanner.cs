using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Transitions;

/// <summary>
/// Decides, from a block's transitions (oldest first) and its delivery record, what comes next. The
/// record holds the latest transition handled or in progress, so:
/// <list type="number">
/// <item>no record (or one of an earlier incarnation of the block, see <see cref="Belongs"/>): the oldest transition is due;</item>
/// <item>a record in progress (<c>Pending</c>/<c>Retrying</c>) whose transition is still to deliver: due when
/// <c>nextAttemptTime</c> has come, waiting before;</item>
/// <item>a record in progress whose transition is no longer to deliver: supersede it;</item>
/// <item>a finished record (<c>Delivered</c>, <c>Failed</c>, <c>Skipped</c>): the oldest transition after it is due.</item>
/// </list>
/// Pure: the caller passes the time.
/// </summary>
internal static class DeliveryPlanner
{
    /// <summary>Plans the next step.</summary>
    /// <param name="transitions">The block's transitions to deliver, oldest first (<see cref="TransitionDeriver"/>).</param>
    /// <param name="record">The block's record, or null; pass null for a record that does not <see cref="Belongs"/>.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The step.</returns>
    public static DeliveryStep Next(IReadOnlyList<MaintenanceTransition> transitions, DeliveryRecord? record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (record is null)
        {
            return transitions.Count > 0 ? new DeliveryStep(DeliveryStepKind.Due, transitions[0]) : DeliveryStep.Idle;
        }

        if (IsInProgress(record))
        {
            var current = transitions.FirstOrDefault(t => t.EventId == record.EventId);
            if (current is null)
            {
                return DeliveryStep.Supersede;
            }

            var attempts = record.Attempts ?? 0;
            return record.NextAttemptTime is { } next && Rfc3339.ToUtcSeconds(next) > now.UtcDateTime
                ? new DeliveryStep(DeliveryStepKind.Waiting, current, attempts, Rfc3339.ToUtcSeconds(next))
                : new DeliveryStep(DeliveryStepKind.Due, current, attempts);
        }

        var following = After(transitions, record);
        return following is null ? DeliveryStep.Idle : new DeliveryStep(DeliveryStepKind.Due, following);
    }

    /// <summary>
    /// The transition that follows the finished <paramref name="record"/>: the next one in the list when the
    /// record's own transition is still listed (a Left in the same second as its Entered included), otherwise
    /// the oldest one later than it (or, after a Left, an Entered in the same second: leaving and entering again
    /// within one second is a new cycle, never a lost notification).
    /// </summary>
    private static MaintenanceTransition? After(IReadOnlyList<MaintenanceTransition> transitions, DeliveryRecord record)
    {
        for (var i = 0; i < transitions.Count; i++)
        {
            if (transitions[i].EventId == record.EventId)
            {
                return i + 1 < transitions.Count ? transitions[i + 1] : null;
            }
        }

        // An Entered in the same second as a recorded Left that is no longer listed (the condition is True again)
        // starts a new cycle: times have whole seconds, so "later" cannot tell them apart.
        var handled = record.TransitionTime is { } time ? Rfc3339.ToUtcSeconds(time) : DateTime.MinValue;
        var reentered = record.Event == MaintenanceEvents.Left;
        return transitions.FirstOrDefault(t => t.Time > handled || (reentered && t.Time == handled && t.Event == MaintenanceEvents.Entered));
    }

    /// <summary>Whether the record's phase means its transition is still being delivered.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> for <c>Pending</c> and <c>Retrying</c>.</returns>
    public static bool IsInProgress(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Phase is DeliveryPhases.Pending or DeliveryPhases.Retrying;
    }

    /// <summary>
    /// Whether <paramref name="record"/> is about this incarnation of the block: its event id recomputes from
    /// the block's current uid. A block deleted and created again under the same name has a new uid, so the
    /// old record does not hide the new block's transitions.
    /// </summary>
    /// <param name="record">The record kept under the block's name.</param>
    /// <param name="notifierUid">The subscription's uid.</param>
    /// <param name="buildingBlockUid">The block's current uid.</param>
    /// <returns><see langword="true"/> when the record belongs to the block.</returns>
    public static bool Belongs(DeliveryRecord record, string notifierUid, string buildingBlockUid)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record is { Event: { } eventType, TransitionTime: { } time, EventId: { } id }
            && id == EventIds.For(notifierUid, buildingBlockUid, eventType, time);
    }
}
