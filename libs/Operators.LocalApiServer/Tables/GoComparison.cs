using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// The comparisons of JSONPath filters, with the rules of Go's <c>text/template</c> that
/// kube-apiserver uses: both sides must be of the same basic kind (an integer never equals a
/// float), booleans only support equality, and objects, arrays and nulls cannot be compared.
/// </summary>
internal static class GoComparison
{
    /// <summary>Applies <paramref name="op"/> (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>).</summary>
    /// <exception cref="JsonPathEvaluationException">The operator is unknown or the operands cannot be compared.</exception>
    public static bool Compare(JsonNode? left, string op, JsonNode? right) => op switch
    {
        "==" => Equal(left, right),
        "!=" => !Equal(left, right),
        "<" => Less(left, right),
        "<=" => Less(left, right) || Equal(left, right),
        ">" => !(Less(left, right) || Equal(left, right)),
        ">=" => !Less(left, right),
        _ => throw new JsonPathEvaluationException($"unrecognized filter operator {op}"),
    };

    private static bool Equal(JsonNode? left, JsonNode? right) => KindOf(left, right) switch
    {
        GoValueKind.Bool => left!.GetValue<bool>() == right!.GetValue<bool>(),
        GoValueKind.Int => GoValues.Int(left!) == GoValues.Int(right!),
        GoValueKind.Float => GoValues.Float(left!) == GoValues.Float(right!),
        _ => string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal),
    };

    private static bool Less(JsonNode? left, JsonNode? right) => KindOf(left, right) switch
    {
        GoValueKind.Int => GoValues.Int(left!) < GoValues.Int(right!),
        GoValueKind.Float => GoValues.Float(left!) < GoValues.Float(right!),
        GoValueKind.String => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()) < 0,
        _ => throw new JsonPathEvaluationException("invalid type for comparison"),
    };

    private static GoValueKind KindOf(JsonNode? left, JsonNode? right)
    {
        var leftKind = BasicKind(left);
        var rightKind = BasicKind(right);
        return leftKind == rightKind ? leftKind : throw new JsonPathEvaluationException("incompatible types for comparison");
    }

    private static GoValueKind BasicKind(JsonNode? node)
    {
        var kind = GoValues.KindOf(node);
        return kind is GoValueKind.Null or GoValueKind.Object or GoValueKind.Array
            ? throw new JsonPathEvaluationException("invalid type for comparison")
            : kind;
    }
}
