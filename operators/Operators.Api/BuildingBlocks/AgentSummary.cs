using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.BuildingBlocks;

/// <summary>One agent's state as the block sees it.</summary>
public sealed class AgentSummary
{
    /// <summary>The NovaAgent's name (the host).</summary>
    [JsonPropertyName("name")]
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Whether the agent's <c>Ready</c> condition is True.</summary>
    [JsonPropertyName("ready")]
    public bool Ready { get; set; }

    /// <summary>Whether the agent's <c>InService</c> condition is True (absent counts as in service).</summary>
    [JsonPropertyName("inService")]
    public bool InService { get; set; }
}
