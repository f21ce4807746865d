using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// The errors of kube-apiserver's strategic merge patch, with its codes and wording.
/// </summary>
internal static class StrategicMergeErrors
{
    /// <summary>400: the patch body is not a JSON object.</summary>
    public static PatchException NotAnObject(JsonNode patch) =>
        PatchException.BadRequest($"json: cannot unmarshal {GoTypeNames.DecoderWord(patch)} into Go value of type map[string]interface {{}}");

    /// <summary>400: a malformed <c>$retainKeys</c>, or a patched key missing from it.</summary>
    public static PatchException BadRetainKeys() => PatchException.BadRequest("invalid patch format of retainKeys");

    /// <summary>400: a key starting with <c>$deleteFromPrimitiveList</c> that is not <c>$deleteFromPrimitiveList/&lt;list&gt;</c>.</summary>
    public static PatchException BadPrimitiveListDirective() => PatchException.BadRequest("invalid patch format of primitive list");

    /// <summary>400: a key starting with <c>$setElementOrder</c> that is not <c>$setElementOrder/&lt;list&gt;</c>.</summary>
    public static PatchException BadSetElementOrder() => PatchException.BadRequest("invalid patch format of setElementOrder list");

    /// <summary>422: a list whose items are lists.</summary>
    public static PatchException ListsOfLists() => PatchException.Unprocessable("lists of lists are not supported");

    /// <summary>500: a merged list item without the merge key.</summary>
    public static PatchException NoMergeKey(JsonNode? map, string mergeKey) =>
        PatchException.Unclassified($"map: {GoValueText.Value(map)} does not contain declared merge key: {mergeKey}");

    /// <summary>500: a value of another type than the directive or list needs.</summary>
    public static PatchException BadArgType(GoJsonKind expected, JsonNode? actual) =>
        PatchException.Unclassified($"expected a {GoTypeNames.ReflectType(expected)}, but received a {GoTypeNames.ReflectType(GoJson.KindOf(actual))}");

    /// <summary>500: an unknown <c>$patch</c> directive.</summary>
    public static PatchException BadPatchType(JsonNode? directive, JsonNode map) =>
        PatchException.Unclassified($"unknown patch type: {GoValueText.AsString(directive)} in map: {GoValueText.Value(map)}");

    /// <summary>500: <c>$patch: merge</c> in a list.</summary>
    public static PatchException MergeDirectiveInList() =>
        PatchException.Unclassified("merging lists cannot yet be specified in the patch");

    /// <summary>500: an item of a list of maps that is not a map.</summary>
    public static PatchException NotAMap(int index) => PatchException.Unclassified($"value for key {index} is not a map");

    /// <summary>500: list items of different types.</summary>
    public static PatchException MixedElementTypes(IEnumerable<JsonNode?> original, IEnumerable<JsonNode?> patch) =>
        PatchException.Unclassified($"list element types are not identical: {GoValueText.Slices(original, patch)}");

    /// <summary>500: <c>$setElementOrder</c> for a list that is empty everywhere.</summary>
    public static PatchException NoElements() => PatchException.Unclassified("no elements in any of the given slices");

    /// <summary>500: a merged list of objects whose field declares no merge key.</summary>
    public static PatchException NoMergeKeyDeclared(string path) =>
        PatchException.Unclassified($"cannot merge lists without merge key for {path}");

    /// <summary>500: the patch list's order contradicts its <c>$setElementOrder</c> list.</summary>
    public static PatchException OrderMismatch(JsonNode? patchList, JsonNode orderList) =>
        PatchException.Unclassified(
            $"the order in patch list:\n{GoValueText.Value(patchList)}\n doesn't match {StrategicDirectives.SetElementOrderPrefix} list:\n{GoValueText.Value(orderList)}");
}
