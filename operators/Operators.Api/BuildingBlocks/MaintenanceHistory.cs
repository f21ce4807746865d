using System.Text.Json.Serialization;

namespace Operators.Api.BuildingBlocks;

/// <summary>
/// The block's last maintenance cycle: the two timestamps let a reader (the notifier) see a whole
/// enter/leave cycle that happened while it was not watching.
/// </summary>
public sealed class MaintenanceHistory
{
    /// <summary>When the <c>Maintenance</c> condition last turned True.</summary>
    [JsonPropertyName("lastEnteredTime")]
    public DateTime? LastEnteredTime { get; set; }

    /// <summary>When the <c>Maintenance</c> condition last turned False after being True.</summary>
    [JsonPropertyName("lastLeftTime")]
    public DateTime? LastLeftTime { get; set; }

    /// <summary>The reason of the last maintenance request.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}
