namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The phases of a delivery.</summary>
public static class DeliveryPhases
{
    /// <summary>Not attempted yet.</summary>
    public const string Pending = "Pending";

    /// <summary>An attempt failed; another is scheduled.</summary>
    public const string Retrying = "Retrying";

    /// <summary>The receiver accepted it.</summary>
    public const string Delivered = "Delivered";

    /// <summary>Given up (attempts exhausted, a permanent error or the endpoint gone).</summary>
    public const string Failed = "Failed";

    /// <summary>The subscription was suspended at the time: never sent.</summary>
    public const string Skipped = "Skipped";
}
