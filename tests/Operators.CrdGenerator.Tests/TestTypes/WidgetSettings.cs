using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Operators.CrdGenerator.Tests.TestTypes;

/// <summary>Settings with defaults of their own.</summary>
public sealed class WidgetSettings
{
    /// <summary>Retries.</summary>
    [JsonPropertyName("retries")]
    [DefaultValue(3)]
    public int? Retries { get; set; }
}
