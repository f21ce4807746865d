using System.Text.Json;
using Operators.Api;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>Deep copies and comparisons of notifiers through the source-generated JSON (cached objects are never changed).</summary>
internal static class NotifierCopies
{
    /// <summary>A deep copy of <paramref name="status"/>; an empty status for null.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The copy.</returns>
    public static MaintenanceNotifierStatus Clone(MaintenanceNotifierStatus? status) =>
        status is null
            ? new MaintenanceNotifierStatus()
            : JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(status, OpenStackJsonContext.Default.MaintenanceNotifierStatus), OpenStackJsonContext.Default.MaintenanceNotifierStatus)!;

    /// <summary>A deep copy of <paramref name="notifier"/> carrying <paramref name="status"/>.</summary>
    /// <param name="notifier">The notifier (metadata and spec are copied).</param>
    /// <param name="status">The status to carry.</param>
    /// <returns>The copy.</returns>
    public static V1Alpha1MaintenanceNotifier WithStatus(V1Alpha1MaintenanceNotifier notifier, MaintenanceNotifierStatus status)
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(notifier, OpenStackJsonContext.Default.V1Alpha1MaintenanceNotifier), OpenStackJsonContext.Default.V1Alpha1MaintenanceNotifier)!;
        copy.Status = status;
        return copy;
    }

    /// <summary>Whether two statuses serialize alike (so writing one over the other changes nothing).</summary>
    /// <param name="a">One status.</param>
    /// <param name="b">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool SameStatus(MaintenanceNotifierStatus? a, MaintenanceNotifierStatus? b) =>
        JsonSerializer.Serialize(a ?? new MaintenanceNotifierStatus(), OpenStackJsonContext.Default.MaintenanceNotifierStatus)
        == JsonSerializer.Serialize(b ?? new MaintenanceNotifierStatus(), OpenStackJsonContext.Default.MaintenanceNotifierStatus);
}
