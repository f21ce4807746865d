using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>A bare word inside an action (such as <c>{name}</c>): parses, but fails when evaluated, as in kube-apiserver.</summary>
internal sealed class JsonPathIdentifier(string name) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input) =>
        throw new JsonPathEvaluationException($"unrecognized identifier {name}");
}
