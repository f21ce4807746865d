using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>
/// A subscription to the maintenance transitions of building blocks: which blocks, which webhook,
/// how hard to retry. Every transition is delivered once per subscription and recorded in status.
/// </summary>
[KubernetesEntity(Group = ApiGroup.Name, ApiVersion = ApiGroup.Version, Kind = KindName, PluralName = Plural)]
[CustomResourceNames(ShortNames = ["mn"], Categories = [ApiGroup.Category])]
[PrinterColumn("Blocks", ".status.matchedBuildingBlocks", Type = "integer")]
[PrinterColumn("Last Delivery", ".status.lastDeliveryTime", Type = "date")]
[PrinterColumn("Ready", """.status.conditions[?(@.type=="Ready")].status""")]
[PrinterColumn("Degraded", """.status.conditions[?(@.type=="Degraded")].status""")]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
[PrinterColumn("Format", ".spec.webhook.format", Priority = 1)]
public sealed class V1Alpha1MaintenanceNotifier : IKubernetesObject<V1ObjectMeta>, ISpec<MaintenanceNotifierSpec>, IStatus<MaintenanceNotifierStatus?>
{
    /// <summary>The kind.</summary>
    public const string KindName = "MaintenanceNotifier";

    /// <summary>The resource (plural) name.</summary>
    public const string Plural = "maintenancenotifiers";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Which building blocks, which events, which webhook.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public MaintenanceNotifierSpec Spec { get; set; } = new();

    /// <summary>The deliveries, per building block, and the subscription's health.</summary>
    [JsonPropertyName("status")]
    public MaintenanceNotifierStatus? Status { get; set; }
}
