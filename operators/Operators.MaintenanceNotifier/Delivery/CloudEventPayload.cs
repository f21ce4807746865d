using System.Text.Json.Serialization;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>A CloudEvent 1.0 in structured JSON mode, the body of a <c>CloudEvent</c> webhook.</summary>
internal sealed class CloudEventPayload
{
    /// <summary>Always <c>1.0</c>.</summary>
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>The deterministic event id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The building block's API path.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary><c>dev.operators.openstack.buildingblock.maintenance.entered</c> or <c>.left</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The building block's name.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>The transition time, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    [JsonPropertyName("time")]
    public required string Time { get; init; }

    /// <summary>Always <c>application/json</c>.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    /// <summary>What happened to which block.</summary>
    [JsonPropertyName("data")]
    public required CloudEventData Data { get; init; }
}
