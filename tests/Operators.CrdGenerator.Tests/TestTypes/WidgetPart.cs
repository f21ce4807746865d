using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.CrdGenerator.Tests.TestTypes;

/// <summary>One part of a widget.</summary>
public sealed class WidgetPart
{
    /// <summary>The part's name.</summary>
    [JsonPropertyName("name")]
    [Required]
    public string Name { get; set; } = "";

    /// <summary>How many.</summary>
    [JsonPropertyName("count")]
    [Required]
    public int Count { get; set; }
}
