using System.Diagnostics;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>The tracing source of webhook deliveries: one client activity per attempt, a child of the reconcile.</summary>
internal static class DeliveryTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name, added to the operator's traced sources.</summary>
    public const string SourceName = "Operators.MaintenanceNotifier.Delivery";

    /// <summary>Gets the source attempt activities come from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
