using System.Text.Json.Serialization;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The observed state of a subscription.</summary>
public sealed class MaintenanceNotifierStatus
{
    /// <summary>The generation this status was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary><c>Ready</c> and <c>Degraded</c>.</summary>
    [JsonPropertyName("conditions")]
    [ListMap("type")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>How many building blocks the selector matches.</summary>
    [JsonPropertyName("matchedBuildingBlocks")]
    public int? MatchedBuildingBlocks { get; set; }

    /// <summary>When a notification was last delivered.</summary>
    [JsonPropertyName("lastDeliveryTime")]
    public DateTime? LastDeliveryTime { get; set; }

    /// <summary>The latest delivery of each building block.</summary>
    [JsonPropertyName("deliveries")]
    [ListMap("buildingBlock")]
    public IList<DeliveryRecord>? Deliveries { get; set; }
}
