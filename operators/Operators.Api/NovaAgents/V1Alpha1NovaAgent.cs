using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.NovaAgents;

/// <summary>
/// One nova-compute agent for one nova host. The nova-agent operator renders it as a ConfigMap
/// and a Deployment named <c>nova-compute-&lt;host&gt;</c> and mirrors their readiness.
/// </summary>
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[CustomResourceNames(ShortNames = ["na"], Categories = [ApiGroup.Category])]
[PrinterColumn("Host", ".spec.host")]
[PrinterColumn("Block", ".spec.buildingBlock")]
[PrinterColumn("Zone", ".spec.availabilityZone")]
[PrinterColumn("Ready", """.status.conditions[?(@.type=="Ready")].status""")]
[PrinterColumn("In Service", """.status.conditions[?(@.type=="InService")].status""")]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
[PrinterColumn("Reason", """.status.conditions[?(@.type=="Ready")].reason""", Priority = 1)]
[PrinterColumn("Driver", ".spec.computeDriver", Priority = 1)]
public sealed class V1Alpha1NovaAgent : IKubernetesObject<V1ObjectMeta>, ISpec<NovaAgentSpec>, IStatus<NovaAgentStatus?>
{
    /// <summary>The kind.</summary>
    public const string KindName = "NovaAgent";

    /// <summary>The resource (plural) name.</summary>
    public const string Plural = "novaagents";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The host, its image and configuration, and the maintenance request.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public NovaAgentSpec Spec { get; set; } = new();

    /// <summary>The agent's Deployment as last observed.</summary>
    [JsonPropertyName("status")]
    public NovaAgentStatus? Status { get; set; }
}
