using System.Text.Json.Serialization;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>The <c>data</c> of a maintenance CloudEvent.</summary>
internal sealed class CloudEventData
{
    /// <summary>The building block's name.</summary>
    [JsonPropertyName("buildingBlock")]
    public required string BuildingBlock { get; init; }

    /// <summary>Its namespace.</summary>
    [JsonPropertyName("namespace")]
    public required string Namespace { get; init; }

    /// <summary>Its uid.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    /// <summary>Its availability zone.</summary>
    [JsonPropertyName("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    /// <summary><c>Entered</c> or <c>Left</c>.</summary>
    [JsonPropertyName("event")]
    public required string Event { get; init; }

    /// <summary>The maintenance reason, e.g. a change number; absent when unknown.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The block's hosts.</summary>
    [JsonPropertyName("hosts")]
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>The subscription (MaintenanceNotifier) that sent it.</summary>
    [JsonPropertyName("notifier")]
    public required string Notifier { get; init; }
}
