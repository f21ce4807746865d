using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Literal text: outside actions, or a quoted string inside one; yields itself once.</summary>
internal sealed class JsonPathText(string text) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input) => [JsonValue.Create(text)];
}
