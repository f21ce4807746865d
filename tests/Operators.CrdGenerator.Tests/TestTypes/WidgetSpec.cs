using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Operators.CrdGenerator.Tests.TestTypes;

/// <summary>
/// The   desired state of a widget,
/// spread over lines; see <see cref="Size"/> and <see cref="WidgetPart"/>, <c>code</c> and <see langword="null"/>.
/// </summary>
public sealed class WidgetSpec
{
    /// <summary>How big, in <c>cm</c>.</summary>
    [JsonPropertyName("size")]
    [Required]
    [Range(1, 100)]
    public int Size { get; set; }

    /// <summary>How heavy.</summary>
    [JsonPropertyName("weight")]
    public long? Weight { get; set; }

    /// <summary>A ratio.</summary>
    [JsonPropertyName("ratio")]
    [Range(0.5, 2.5, MinimumIsExclusive = true)]
    public double? Ratio { get; set; }

    /// <summary>The color.</summary>
    [JsonPropertyName("color")]
    [AllowedValues("red", "green", "yes")]
    [DefaultValue("red")]
    public string? Color { get; set; }

    /// <summary>The shape.</summary>
    [JsonPropertyName("shape")]
    [StringLength(20, MinimumLength = 2)]
    [RegularExpression("^[a-z]+$")]
    public string? Shape { get; set; }

    /// <summary>Whether it shines.</summary>
    [JsonPropertyName("shiny")]
    [DefaultValue(true)]
    public bool? Shiny { get; set; }

    /// <summary>When it was made.</summary>
    [JsonPropertyName("madeAt")]
    public DateTime? MadeAt { get; set; }

    /// <summary>When it expires.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Free labels.</summary>
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>Counters by name.</summary>
    [JsonPropertyName("counters")]
    public Dictionary<string, int>? Counters { get; set; }

    /// <summary>Tags, unique.</summary>
    [JsonPropertyName("tags")]
    [ListSet]
    [ItemCount(Min = 1, Max = 5)]
    [AllowedValues("a", "b", "c")]
    [DefaultValue(new[] { "a", "b" })]
    public IList<string>? Tags { get; set; }

    /// <summary>Nicknames.</summary>
    [JsonPropertyName("nicknames")]
    [StringLength(10)]
    public string[]? Nicknames { get; set; }

    /// <summary>The parts, by name.</summary>
    [JsonPropertyName("parts")]
    [ListMap("name")]
    [DefaultValue(new object[0])]
    public List<WidgetPart>? Parts { get; set; }

    /// <summary>Optional settings; present even when omitted.</summary>
    [JsonPropertyName("settings")]
    [DefaultEmptyObject]
    public WidgetSettings? Settings { get; set; }

    /// <summary>May be null.</summary>
    [JsonPropertyName("note")]
    [SchemaNullable]
    public string? Note { get; set; }

    /// <summary>Compute resources.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>Which gadgets.</summary>
    [JsonPropertyName("selector")]
    public V1LabelSelector? Selector { get; set; }

    /// <summary>A quantity.</summary>
    [JsonPropertyName("memory")]
    public ResourceQuantity? Memory { get; set; }

    /// <summary>A port, by number or name.</summary>
    [JsonPropertyName("port")]
    public IntOrString? Port { get; set; }

    /// <summary>Not in JSON.</summary>
    public string? NotSerialized { get; set; }

    /// <summary>Ignored.</summary>
    [JsonPropertyName("ignored")]
    [JsonIgnore]
    public string? Ignored { get; set; }
}
