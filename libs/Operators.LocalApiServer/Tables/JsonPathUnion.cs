using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary><c>[a,b]</c>: the results of every branch, one branch after the other.</summary>
internal sealed class JsonPathUnion(IReadOnlyList<JsonPathSequence> branches) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input) =>
        branches.SelectMany(branch => branch.Evaluate(input)).ToList();
}
