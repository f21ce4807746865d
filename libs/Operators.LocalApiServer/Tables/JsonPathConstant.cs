using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>A number or boolean literal (in filters): yields the literal once for every input value.</summary>
internal sealed class JsonPathConstant(Func<JsonNode> create) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input) =>
        input.Select(_ => (JsonNode?)create()).ToList();
}
