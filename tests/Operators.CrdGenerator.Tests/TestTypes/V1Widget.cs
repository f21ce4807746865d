using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operators.CrdGenerator.Tests.TestTypes;

/// <summary>A widget: the <c>test</c> resource of the generator's tests.</summary>
[KubernetesEntity(Group = "test.operators.dev", ApiVersion = "v1beta2", Kind = "Widget", PluralName = "widgets")]
[CustomResourceNames(ShortNames = ["wd", "wdg"], Categories = ["tests", "all"])]
[PrinterColumn("Size", ".spec.size", Type = "integer")]
[PrinterColumn("Color", ".spec.color", Description = "The widget's color.")]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
[PrinterColumn("Shape", ".spec.shape", Priority = 1)]
public sealed class V1Widget : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The API version.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.operators.dev/v1beta2";

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the widget should be.</summary>
    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    /// <summary>What the widget is.</summary>
    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }
}
