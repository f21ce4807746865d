using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

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
        GoJsonKind.Bool => left!.GetValue<bool>() == right!.GetValue<bool>(),
        GoJsonKind.Int => GoJson.GetInt64(left!) == GoJson.GetInt64(right!),
        GoJsonKind.Float => GoJson.GetDouble(left!) == GoJson.GetDouble(right!),
        _ => string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal),
    };

    private static bool Less(JsonNode? left, JsonNode? right) => KindOf(left, right) switch
    {
        GoJsonKind.Int => GoJson.GetInt64(left!) < GoJson.GetInt64(right!),
        GoJsonKind.Float => GoJson.GetDouble(left!) < GoJson.GetDouble(right!),
        GoJsonKind.String => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()) < 0,
        _ => throw new JsonPathEvaluationException("invalid type for comparison"),
    };

    private static GoJsonKind KindOf(JsonNode? left, JsonNode? right)
    {
        var leftKind = BasicKind(left);
        var rightKind = BasicKind(right);
        return leftKind == rightKind ? leftKind : throw new JsonPathEvaluationException("incompatible types for comparison");
    }

    private static GoJsonKind BasicKind(JsonNode? node)
    {
        var kind = GoJson.KindOf(node);
        return kind is GoJsonKind.Null or GoJsonKind.Object or GoJsonKind.Array
            ? throw new JsonPathEvaluationException("invalid type for comparison")
            : kind;
    }
}
