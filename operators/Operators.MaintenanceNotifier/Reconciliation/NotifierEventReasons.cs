using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Reconciliation;

/// <summary>The reasons of the Kubernetes Events the operator records about a MaintenanceNotifier.</summary>
internal static class NotifierEventReasons
{
    /// <summary>Normal: a notification was delivered.</summary>
    public const string Delivered = "Delivered";

    /// <summary>Warning: an attempt failed; another is scheduled.</summary>
    public const string DeliveryRetrying = "DeliveryRetrying";

    /// <summary>Warning: a notification was given up.</summary>
    public const string DeliveryFailed = MaintenanceNotifierConditions.DeliveryFailed;

    /// <summary>Warning: the receiver answered 410 Gone.</summary>
    public const string EndpointGone = MaintenanceNotifierConditions.EndpointGone;

    /// <summary>Normal: a transition was recorded as skipped (suspended or superseded).</summary>
    public const string DeliverySkipped = "DeliverySkipped";

    /// <summary>Warning: a referenced Secret or key is missing.</summary>
    public const string SecretNotFound = MaintenanceNotifierConditions.SecretNotFound;

    /// <summary>Warning: the spec breaks a rule the schema cannot express.</summary>
    public const string InvalidSpec = MaintenanceNotifierConditions.InvalidSpec;
}
