using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tables;

/// <summary><c>.*</c> or <c>[*]</c> after a field: every member of an object, every element of an array.</summary>
internal sealed class JsonPathWildcard : JsonPathNode
{
    /// <inheritdoc />
    public override IReadOnlyList<JsonNode?> Evaluate(IReadOnlyList<JsonNode?> input) =>
        input.SelectMany(Children).ToList();

    /// <summary>
    /// What Go's evaluator iterates in a value: an object's members, an array's elements, and
    /// (a quirk kept for fidelity) a string's UTF-8 bytes as integers.
    /// </summary>
    public static IReadOnlyList<JsonNode?> Children(JsonNode? value) => GoJson.KindOf(value) switch
    {
        GoJsonKind.Object => value!.AsObject().Select(p => p.Value).ToList(),
        GoJsonKind.Array => value!.AsArray().ToList(),
        GoJsonKind.String => Encoding.UTF8.GetBytes(value!.GetValue<string>()).Select(b => (JsonNode?)JsonValue.Create((long)b)).ToList(),
        _ => [],
    };
}
