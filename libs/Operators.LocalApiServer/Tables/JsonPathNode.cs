using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// One step of a parsed JSONPath expression. It maps the values reached so far to the values
/// reached after the step; a JSON <c>null</c> is a value (a C# <c>null</c> in the list), a missing
/// field is no value at all.
/// </summary>
internal abstract class JsonPathNode
{
    /// <summary>The values reached from <paramref name="input"/>.</summary>
    /// <exception cref="JsonPathEvaluationException">The step cannot be applied to one of the values.</exception>
    public abstract IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input);
}
