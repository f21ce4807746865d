using System.Globalization;
using Operators.Api.MaintenanceNotifiers;
using Operators.Runtime.Objects;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>
/// The parts of a notifier's status derived on every write: <c>observedGeneration</c>,
/// <c>matchedBuildingBlocks</c>, records of blocks no longer matched dropped, records sorted by block,
/// <c>Ready</c> as computed, and <c>Degraded</c> from the records: True with <c>EndpointGone</c> when a
/// block's latest notification got 410, else True with <c>DeliveryFailed</c> when one was given up, else
/// False with <c>DeliveriesHealthy</c>. Pure: the caller passes the time.
/// </summary>
internal static class NotifierStatusRules
{
    /// <summary>Applies <paramref name="statusBase"/> and the derived conditions to <paramref name="status"/>.</summary>
    /// <param name="status">The status to change.</param>
    /// <param name="statusBase">What this reconcile computed.</param>
    /// <param name="now">The time of a condition's transition.</param>
    public static void Apply(MaintenanceNotifierStatus status, StatusBase statusBase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(statusBase);
        status.ObservedGeneration = statusBase.Generation;
        var records = (status.Deliveries ?? []).ToList();
        if (statusBase.MatchedBuildingBlocks is { } matched)
        {
            status.MatchedBuildingBlocks = matched.Count;
            records.RemoveAll(r => !matched.Contains(r.BuildingBlock));
        }

        records.Sort((a, b) => string.CompareOrdinal(a.BuildingBlock, b.BuildingBlock));
        status.Deliveries = records.Count > 0 ? records : null;

        var conditions = status.Conditions ?? [];
        var at = new DateTimeOffset(Transitions.Rfc3339.ToUtcSeconds(now), TimeSpan.Zero);
        var ready = statusBase.Ready;
        Conditions.Set(conditions, MaintenanceNotifierConditions.Ready, ready.Status, ready.Reason, ready.Message, statusBase.Generation, at);
        var (degraded, reason, message) = Degraded(records);
        Conditions.Set(conditions, MaintenanceNotifierConditions.Degraded, degraded, reason, message, statusBase.Generation, at);
        status.Conditions = conditions;
    }

    /// <summary>Computes <c>Degraded</c> from the records.</summary>
    /// <param name="records">The latest record of each block.</param>
    /// <returns>Status, reason and message.</returns>
    public static (string Status, string Reason, string Message) Degraded(IReadOnlyCollection<DeliveryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var failed = records.Where(r => r.Phase == DeliveryPhases.Failed).ToList();
        if (failed.FirstOrDefault(r => r.ResponseCode == 410) is { } gone)
        {
            return (ConditionStatus.True, MaintenanceNotifierConditions.EndpointGone,
                $"The webhook answered 410 Gone for {gone.Event} of building block {gone.BuildingBlock} ({gone.EventId})");
        }

        if (failed.Count > 0)
        {
            var listed = string.Join(", ", failed.Take(3).Select(r => $"{r.BuildingBlock} {r.Event} ({r.Message})"));
            var more = failed.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {failed.Count - 3} more") : string.Empty;
            return (ConditionStatus.True, MaintenanceNotifierConditions.DeliveryFailed,
                string.Create(CultureInfo.InvariantCulture, $"{failed.Count} notification(s) given up: {listed}{more}"));
        }

        var retrying = records.Count(r => r.Phase == DeliveryPhases.Retrying);
        return (ConditionStatus.False, MaintenanceNotifierConditions.DeliveriesHealthy, retrying == 0
            ? "No notification given up"
            : string.Create(CultureInfo.InvariantCulture, $"No notification given up; {retrying} being retried"));
    }

    /// <summary>Replaces the record of <paramref name="record"/>'s block.</summary>
    /// <param name="status">The status to change.</param>
    /// <param name="record">The new record.</param>
    public static void SetRecord(MaintenanceNotifierStatus status, DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(record);
        var records = (status.Deliveries ?? []).Where(r => r.BuildingBlock != record.BuildingBlock).ToList();
        records.Add(record);
        status.Deliveries = records;
    }

    /// <summary>Records an attempt's outcome: its block's record, and <c>lastDeliveryTime</c> when it was delivered.</summary>
    /// <param name="status">The status to change.</param>
    /// <param name="record">The attempt's record.</param>
    public static void RecordAttempt(MaintenanceNotifierStatus status, DeliveryRecord record)
    {
        SetRecord(status, record);
        if (record is { Phase: DeliveryPhases.Delivered, DeliveredTime: { } delivered })
        {
            status.LastDeliveryTime = status.LastDeliveryTime is { } last && last > delivered ? last : delivered;
        }
    }
}
