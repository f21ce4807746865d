using System.Text.Json.Serialization;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.NovaAgents;

/// <summary>The observed state of one nova-compute agent.</summary>
public sealed class NovaAgentStatus
{
    /// <summary>The generation this status was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary><c>Ready</c> and <c>InService</c>.</summary>
    [JsonPropertyName("conditions")]
    [ListMap("type")]
    public IList<V1Condition>? Conditions { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the rendered configuration the Deployment runs.</summary>
    [JsonPropertyName("configHash")]
    public string? ConfigHash { get; set; }

    /// <summary>The name of the rendered ConfigMap.</summary>
    [JsonPropertyName("configMapName")]
    public string? ConfigMapName { get; set; }

    /// <summary>The name of the rendered Deployment.</summary>
    [JsonPropertyName("deploymentName")]
    public string? DeploymentName { get; set; }

    /// <summary>The Deployment's replicas.</summary>
    [JsonPropertyName("replicas")]
    public int? Replicas { get; set; }

    /// <summary>The Deployment's ready replicas.</summary>
    [JsonPropertyName("readyReplicas")]
    public int? ReadyReplicas { get; set; }

    /// <summary>The Deployment's updated replicas.</summary>
    [JsonPropertyName("updatedReplicas")]
    public int? UpdatedReplicas { get; set; }
}
