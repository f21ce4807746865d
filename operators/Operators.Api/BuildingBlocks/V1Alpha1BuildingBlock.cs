using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.BuildingBlocks;

/// <summary>
/// A group of compute hosts in one availability zone. The building-block operator keeps one
/// NovaAgent per host and reports the block's readiness and maintenance state.
/// </summary>
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[CustomResourceNames(ShortNames = ["bb"], Categories = [ApiGroup.Category])]
[PrinterColumn("Zone", ".spec.availabilityZone")]
[PrinterColumn("Desired", ".status.desiredAgents", Type = "integer")]
[PrinterColumn("Ready Agents", ".status.readyAgents", Type = "integer")]
[PrinterColumn("Maintenance", """.status.conditions[?(@.type=="Maintenance")].reason""")]
[PrinterColumn("Ready", """.status.conditions[?(@.type=="Ready")].status""")]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
[PrinterColumn("Reason", """.status.conditions[?(@.type=="Ready")].reason""", Priority = 1)]
public sealed class V1Alpha1BuildingBlock : IKubernetesObject<V1ObjectMeta>, ISpec<BuildingBlockSpec>, IStatus<BuildingBlockStatus?>
{
    /// <summary>The kind.</summary>
    public const string KindName = "BuildingBlock";

    /// <summary>The resource (plural) name.</summary>
    public const string Plural = "buildingblocks";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The hosts of the block, the template of their agents and the maintenance request.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public BuildingBlockSpec Spec { get; set; } = new();

    /// <summary>Agents' readiness and the maintenance state, as last observed.</summary>
    [JsonPropertyName("status")]
    public BuildingBlockStatus? Status { get; set; }
}
