namespace Operators.MaintenanceNotifier;

/// <summary>The operator's identity and defaults.</summary>
internal static class MaintenanceNotifierOperator
{
    /// <summary>The operator's name: Lease name, Events' reporting controller, <c>app.kubernetes.io/managed-by</c>.</summary>
    public const string Name = "maintenance-notifier";

    /// <summary>
    /// The default of <c>--max-concurrent-reconciles</c>: several notifiers are served at once, so one slow
    /// or hanging webhook never holds up the others (within one notifier, blocks are delivered concurrently).
    /// </summary>
    public const int DefaultMaxConcurrentReconciles = 4;
}
