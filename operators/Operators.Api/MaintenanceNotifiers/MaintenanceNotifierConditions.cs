namespace Operators.Api.MaintenanceNotifiers;

/// <summary>Condition types and reasons of a MaintenanceNotifier (DESIGN.md section 6.3).</summary>
public static class MaintenanceNotifierConditions
{
    /// <summary>The subscription is in effect, or why not.</summary>
    public const string Ready = "Ready";

    /// <summary>Whether deliveries are failing.</summary>
    public const string Degraded = "Degraded";

    /// <summary>Ready=True: subscribed.</summary>
    public const string Subscribed = "Subscribed";

    /// <summary>Ready=False: the spec breaks a rule the schema cannot express.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>Ready=False: a referenced Secret or key is missing.</summary>
    public const string SecretNotFound = "SecretNotFound";

    /// <summary>Ready=False: <c>suspend</c> is true.</summary>
    public const string Suspended = "Suspended";

    /// <summary>Degraded=True: a delivery failed for good.</summary>
    public const string DeliveryFailed = "DeliveryFailed";

    /// <summary>Degraded=True: the receiver answered 410 Gone.</summary>
    public const string EndpointGone = "EndpointGone";

    /// <summary>Degraded=False: deliveries succeed.</summary>
    public const string DeliveriesHealthy = "DeliveriesHealthy";
}
