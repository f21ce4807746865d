using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Tests.Client;

/// <summary>A tiny custom resource for tests (see <see cref="WidgetDefinition"/>).</summary>
[KubernetesEntity(Group = WidgetDefinition.Group, ApiVersion = "v1alpha1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = null!;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = null!;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }
}

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("color")]
    public string? Color { get; set; }
}

public sealed class WidgetStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Widget))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
