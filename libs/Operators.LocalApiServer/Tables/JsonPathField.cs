using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary><c>.name</c>: the member of each object; values that are not objects, and missing members, give nothing.</summary>
internal sealed class JsonPathField(string name) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input)
    {
        var results = new List<JsonNode?>();
        foreach (var value in input)
        {
            if (value is JsonObject obj && obj.TryGetPropertyValue(name, out var member))
            {
                results.Add(member);
            }
        }

        return results;
    }
}
