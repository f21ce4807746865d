using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The desired state of a subscription.</summary>
public sealed class MaintenanceNotifierSpec
{
    /// <summary>The building blocks of the namespace to follow; absent or empty: all of them.</summary>
    [JsonPropertyName("buildingBlockSelector")]
    public V1LabelSelector? BuildingBlockSelector { get; set; }

    /// <summary>Which transitions to deliver: <c>Entered</c>, <c>Left</c>.</summary>
    [JsonPropertyName("events")]
    [AllowedValues(MaintenanceEvents.Entered, MaintenanceEvents.Left)]
    [ItemCount(Min = 1)]
    [ListSet]
    [DefaultValue(new[] { MaintenanceEvents.Entered, MaintenanceEvents.Left })]
    public IList<string>? Events { get; set; }

    /// <summary>Where and how to deliver.</summary>
    [JsonPropertyName("webhook")]
    [Required]
    public WebhookSpec Webhook { get; set; } = new();

    /// <summary>How hard to retry a delivery.</summary>
    [JsonPropertyName("retry")]
    [DefaultEmptyObject]
    public RetrySpec? Retry { get; set; }

    /// <summary>While true, transitions are recorded as Skipped and never sent later.</summary>
    [JsonPropertyName("suspend")]
    [DefaultValue(false)]
    public bool? Suspend { get; set; }
}
