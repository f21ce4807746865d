using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// A JSONPath expression in Kubernetes' dialect, as CRD <c>additionalPrinterColumns</c> use it
/// (<c>.status.conditions[?(@.type=="Ready")].status</c>) and as <c>kubectl -o jsonpath</c> writes
/// it (<c>{.metadata.name}</c>, possibly with literal text around the actions). Missing fields give
/// no value rather than an error, as with <c>AllowMissingKeys</c>. <c>range</c>/<c>end</c> are not supported.
/// </summary>
internal sealed class JsonPathExpression
{
    private readonly string _text;
    private readonly IReadOnlyList<JsonPathNode> _nodes;

    private JsonPathExpression(string text, IReadOnlyList<JsonPathNode> nodes)
    {
        _text = text;
        _nodes = nodes;
    }

    /// <summary>
    /// Parses a template (starting with <c>{</c>) or a bare expression, which is read as if wrapped
    /// in <c>{...}</c> the way kube-apiserver wraps printer column paths.
    /// </summary>
    /// <exception cref="FormatException">The expression is malformed.</exception>
    public static JsonPathExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var template = expression.StartsWith('{') ? expression : "{" + expression + "}";
        return new JsonPathExpression(expression, JsonPathParser.ParseTemplate(template));
    }

    /// <summary>
    /// Every value the expression reaches in <paramref name="root"/>, in order (the values of each
    /// action and literal text, one after the other). The nodes returned belong to the document.
    /// </summary>
    /// <exception cref="JsonPathEvaluationException">The expression cannot be applied to this document.</exception>
    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        JsonNode?[] input = [root];
        return _nodes.SelectMany(node => node.Evaluate(input)).ToList();
    }

    /// <summary>The expression as it was written.</summary>
    public override string ToString() => _text;
}
