using System.Text.Json.Serialization;
using k8s.Models;
using Operators.CrdGenerator;

namespace Operators.CrdGenerator.Tests.TestTypes;

/// <summary>The observed state of a widget.</summary>
public sealed class WidgetStatus
{
    /// <summary>The conditions.</summary>
    [JsonPropertyName("conditions")]
    [ListMap("type")]
    public IList<V1Condition>? Conditions { get; set; }
}
