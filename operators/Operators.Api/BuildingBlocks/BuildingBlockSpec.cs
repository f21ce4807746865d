using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Operators.CrdGenerator;

namespace Operators.Api.BuildingBlocks;

/// <summary>The desired state of a building block.</summary>
public sealed class BuildingBlockSpec
{
    /// <summary>The most hosts one block may have.</summary>
    public const int MaxHosts = 256;

    /// <summary>The nova availability zone of every host, e.g. <c>qa-de-1a</c>.</summary>
    [JsonPropertyName("availabilityZone")]
    [Required]
    [StringLength(ValidationPatterns.Dns1123LabelMaxLength)]
    [RegularExpression(ValidationPatterns.Dns1123Label)]
    public string AvailabilityZone { get; set; } = "";

    /// <summary>The compute hosts; one NovaAgent named after each is kept.</summary>
    [JsonPropertyName("hosts")]
    [ItemCount(Max = MaxHosts)]
    [ListMap("name")]
    [DefaultValue(new object[0])]
    public IList<BuildingBlockHost>? Hosts { get; set; }

    /// <summary>The template of every agent of the block.</summary>
    [JsonPropertyName("agentTemplate")]
    [Required]
    public AgentTemplate AgentTemplate { get; set; } = new();

    /// <summary>Present = maintenance requested for the whole block: every agent is taken out of service.</summary>
    [JsonPropertyName("maintenance")]
    public MaintenanceRequest? Maintenance { get; set; }
}
