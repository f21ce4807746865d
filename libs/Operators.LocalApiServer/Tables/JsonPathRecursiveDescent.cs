using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// <c>..</c>: every value with children, at any depth, in document order, starting with the value
/// itself. Scalars other than non-empty strings are not included themselves, as in kube-apiserver.
/// </summary>
internal sealed class JsonPathRecursiveDescent : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input)
    {
        var results = new List<JsonNode?>();
        foreach (var value in input)
        {
            var children = JsonPathWildcard.Children(value);
            if (children.Count > 0)
            {
                results.Add(value);
                results.AddRange(Evaluate(children));
            }
        }

        return results;
    }
}
