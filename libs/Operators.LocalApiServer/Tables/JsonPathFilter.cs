using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// <c>[?(@.type=="Ready")]</c> or <c>[?(@.x)]</c>: the elements of arrays for which the comparison
/// holds, or (without an operator) for which the left operand finds anything.
/// </summary>
/// <param name="left">The left operand, evaluated on each element.</param>
/// <param name="op">The operator, or null for an existence test.</param>
/// <param name="right">The right operand, evaluated on each element; null for an existence test.</param>
internal sealed class JsonPathFilter(JsonPathSequence left, string? op, JsonPathSequence? right) : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input)
    {
        var results = new List<JsonNode?>();
        foreach (var value in input)
        {
            if (value is not JsonArray array)
            {
                throw new JsonPathEvaluationException($"{GoJson.KindOf(value)} value is not array or slice and cannot be filtered");
            }

            results.AddRange(array.Where(Matches));
        }

        return results;
    }

    private bool Matches(JsonNode? element)
    {
        JsonNode?[] scope = [element];
        if (op is null || right is null)
        {
            return Exists(scope);
        }

        var lefts = left.Evaluate(scope);
        if (lefts.Count != 1)
        {
            return lefts.Count == 0 ? false : throw TooMany();
        }

        var rights = right.Evaluate(scope);
        if (rights.Count != 1)
        {
            return rights.Count == 0 ? false : throw TooMany();
        }

        return GoComparison.Compare(lefts[0], op, rights[0]);
    }

    private static JsonPathEvaluationException TooMany() => new("can only compare one element at a time");

    private bool Exists(JsonNode?[] scope)
    {
        try
        {
            return left.Evaluate(scope).Count > 0;
        }
        catch (JsonPathEvaluationException)
        {
            // kube-apiserver ignores the error and sees the values the failing step started from.
            return true;
        }
    }
}
