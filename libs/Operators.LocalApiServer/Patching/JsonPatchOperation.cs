using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// One operation of a JSON patch, decoded as kube-apiserver decodes it: <see cref="Path"/> and
/// <see cref="From"/> are null when absent or JSON null, and so is <see cref="Value"/>.
/// </summary>
/// <param name="Op">The operation name; <c>unknown</c> when absent, null or the item is null.</param>
/// <param name="Path">The target JSON pointer.</param>
/// <param name="From">The source JSON pointer of <c>move</c> and <c>copy</c>.</param>
/// <param name="Value">The value of <c>add</c>, <c>replace</c> and <c>test</c>.</param>
internal sealed record JsonPatchOperation(string Op, string? Path, string? From, JsonNode? Value)
{
    private const string UnknownOp = "unknown";

    /// <summary>
    /// Decodes a patch document. JSON null is an empty patch, as for kube-apiserver.
    /// </summary>
    /// <exception cref="PatchException">400 when the document is not a list of operation objects
    /// whose <c>op</c>, <c>path</c> and <c>from</c> are strings.</exception>
    public static IReadOnlyList<JsonPatchOperation> ParseAll(JsonNode? document)
    {
        if (document is null)
        {
            return [];
        }

        if (document is not JsonArray items)
        {
            throw DecodingError($"cannot unmarshal {GoTypeNames.DecoderWord(document)} into Go value of type []handlers.jsonPatchOp");
        }

        return items.Select(Parse).ToList();
    }

    private static JsonPatchOperation Parse(JsonNode? item) => item switch
    {
        null => new JsonPatchOperation(UnknownOp, null, null, null),
        JsonObject operation => new JsonPatchOperation(
            StringMember(operation, "op") ?? UnknownOp,
            StringMember(operation, "path"),
            StringMember(operation, "from"),
            operation["value"]),
        _ => throw DecodingError($"cannot unmarshal {GoTypeNames.DecoderWord(item)} into Go value of type handlers.jsonPatchOp"),
    };

    private static string? StringMember(JsonObject operation, string name) => operation[name] switch
    {
        null => null,
        var value when GoJson.KindOf(value) == GoJsonKind.String => value.GetValue<string>(),
        var value => throw DecodingError(
            $"cannot unmarshal {GoTypeNames.DecoderWord(value)} into Go struct field jsonPatchOp.{name} of type string"),
    };

    private static PatchException DecodingError(string what) =>
        PatchException.BadRequest("error decoding patch: json: " + what);
}
