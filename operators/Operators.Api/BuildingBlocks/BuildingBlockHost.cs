using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.BuildingBlocks;

/// <summary>One compute host of a building block.</summary>
public sealed class BuildingBlockHost
{
    /// <summary>The nova host name, also the name of its NovaAgent, e.g. <c>node001-bb091</c>.</summary>
    [JsonPropertyName("name")]
    [Required]
    [StringLength(ValidationPatterns.Dns1123LabelMaxLength)]
    [RegularExpression(ValidationPatterns.Dns1123Label)]
    public string Name { get; set; } = "";

    /// <summary>The Kubernetes node to pin the agent to; absent: the host's name with the libvirt driver (one agent per hypervisor node), not pinned otherwise.</summary>
    [JsonPropertyName("nodeName")]
    [StringLength(253)]
    public string? NodeName { get; set; }
}
