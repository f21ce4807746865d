using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>Steps applied one after the other: the body of a <c>{...}</c> action, a union branch, a filter operand.</summary>
internal sealed class JsonPathSequence(IReadOnlyList<JsonPathNode> steps) : JsonPathNode
{
    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<JsonPathNode> Steps { get; } = steps;

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input)
    {
        var values = input;
        foreach (var step in Steps)
        {
            values = step.Evaluate(values);
        }

        return values;
    }
}
