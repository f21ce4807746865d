using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api;

/// <summary>Present = maintenance requested: the agents are taken out of service.</summary>
public sealed class MaintenanceRequest
{
    /// <summary>The longest reason nova accepts as a service's disable reason.</summary>
    public const int ReasonMaxLength = 255;

    /// <summary>Why, e.g. a change number: <c>CHG0123456 BIOS update</c>.</summary>
    [JsonPropertyName("reason")]
    [Required]
    [StringLength(ReasonMaxLength, MinimumLength = 1)]
    public string Reason { get; set; } = "";
}
