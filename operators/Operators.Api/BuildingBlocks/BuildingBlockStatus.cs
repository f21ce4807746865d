using System.Text.Json.Serialization;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.BuildingBlocks;

/// <summary>The observed state of a building block.</summary>
public sealed class BuildingBlockStatus
{
    /// <summary>The generation this status was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary><c>Ready</c> and <c>Maintenance</c>.</summary>
    [JsonPropertyName("conditions")]
    [ListMap("type")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary>How many agents the block should have (its hosts).</summary>
    [JsonPropertyName("desiredAgents")]
    public int? DesiredAgents { get; set; }

    /// <summary>How many agents are Ready.</summary>
    [JsonPropertyName("readyAgents")]
    public int? ReadyAgents { get; set; }

    /// <summary>How many agents are out of service (maintenance completed on them).</summary>
    [JsonPropertyName("outOfServiceAgents")]
    public int? OutOfServiceAgents { get; set; }

    /// <summary>Each agent's state, by name.</summary>
    [JsonPropertyName("agents")]
    [ListMap("name")]
    public IList<AgentSummary>? Agents { get; set; }

    /// <summary>When maintenance was last entered and left, and why.</summary>
    [JsonPropertyName("maintenance")]
    public MaintenanceHistory? Maintenance { get; set; }
}
