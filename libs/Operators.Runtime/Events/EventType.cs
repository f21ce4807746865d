namespace Operators.Runtime.Events;

/// <summary>The two Event types Kubernetes accepts.</summary>
public static class EventType
{
    /// <summary>Something expected happened, e.g. a resource was created.</summary>
    public const string Normal = "Normal";

    /// <summary>Something needs attention, e.g. an invalid spec or a failed call.</summary>
    public const string Warning = "Warning";
}
