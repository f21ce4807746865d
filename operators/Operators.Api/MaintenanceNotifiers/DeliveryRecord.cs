using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The latest notification of one building block's transitions, and how its delivery went.</summary>
public sealed class DeliveryRecord
{
    /// <summary>The building block's name.</summary>
    [JsonPropertyName("buildingBlock")]
    [Required]
    public string BuildingBlock { get; set; } = "";

    /// <summary><c>Entered</c> or <c>Left</c>.</summary>
    [JsonPropertyName("event")]
    [AllowedValues(MaintenanceEvents.Entered, MaintenanceEvents.Left)]
    public string? Event { get; set; }

    /// <summary>The deterministic event id (<c>evt_</c> + 32 hex), as sent to the receiver.</summary>
    [JsonPropertyName("eventId")]
    public string? EventId { get; set; }

    /// <summary>When the building block made the transition.</summary>
    [JsonPropertyName("transitionTime")]
    public DateTime? TransitionTime { get; set; }

    /// <summary><c>Pending</c>, <c>Retrying</c>, <c>Delivered</c>, <c>Failed</c> or <c>Skipped</c>.</summary>
    [JsonPropertyName("phase")]
    [AllowedValues(DeliveryPhases.Pending, DeliveryPhases.Retrying, DeliveryPhases.Delivered, DeliveryPhases.Failed, DeliveryPhases.Skipped)]
    public string? Phase { get; set; }

    /// <summary>Attempts made so far.</summary>
    [JsonPropertyName("attempts")]
    public int? Attempts { get; set; }

    /// <summary>When the last attempt started.</summary>
    [JsonPropertyName("lastAttemptTime")]
    public DateTime? LastAttemptTime { get; set; }

    /// <summary>When the next attempt is due (while Retrying).</summary>
    [JsonPropertyName("nextAttemptTime")]
    public DateTime? NextAttemptTime { get; set; }

    /// <summary>When the receiver accepted the notification.</summary>
    [JsonPropertyName("deliveredTime")]
    public DateTime? DeliveredTime { get; set; }

    /// <summary>The HTTP status code of the last attempt, if it got one.</summary>
    [JsonPropertyName("responseCode")]
    public int? ResponseCode { get; set; }

    /// <summary>A short explanation of the last attempt; never a secret.</summary>
    [JsonPropertyName("message")]
    [StringLength(1024)]
    public string? Message { get; set; }
}
