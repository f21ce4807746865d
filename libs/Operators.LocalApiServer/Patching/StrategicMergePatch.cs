using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// Kubernetes strategic merge patch (<c>application/strategic-merge-patch+json</c>) of a built-in
/// object, as kube-apiserver v1.36 applies it.
/// </summary>
/// <remarks>
/// <para>Like a JSON merge patch, except for what <see cref="StrategicMergeSchema"/> declares and
/// the directives: lists with a merge key are merged item by item (<c>$patch: delete</c> removes an
/// item, <c>$patch: replace</c> replaces the list), lists of primitives with the merge strategy
/// are merged as sets (<c>$deleteFromPrimitiveList/&lt;list&gt;</c> removes values), other lists are
/// replaced; <c>$patch: replace|delete</c> in a map replaces or empties it,
/// <c>$retainKeys</c> keeps only the listed keys, <c>$setElementOrder/&lt;list&gt;</c> orders a list.</para>
/// <para>A merged list keeps kube-apiserver's order: the patch's items in the patch's order,
/// interleaved with the server's other items by the server's order; new items come before the
/// server items that follow them, so a patch of only new items puts them first.</para>
/// <para>Null members and leftover directives are dropped from the result, as decoding it into the
/// built-in type does in kube-apiserver.</para>
/// </remarks>
internal static class StrategicMergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to a copy of <paramref name="target"/>, a JSON object;
    /// neither is changed. A JSON null patch changes nothing, as in kube-apiserver.
    /// </summary>
    /// <exception cref="PatchException">400 for a patch that is not an object or a malformed
    /// directive, 422 for a list of lists, 500 for kube-apiserver's unclassified errors (an item
    /// without its merge key, an unknown <c>$patch</c>, items of different types...).</exception>
    public static JsonNode Apply(JsonNode target, JsonNode? patch, StrategicMergeSchema schema)
    {
        var patchMap = patch switch
        {
            null => [],
            JsonObject map => map.DeepClone().AsObject(),
            _ => throw StrategicMergeErrors.NotAnObject(patch),
        };
        if (target is not JsonObject targetMap)
        {
            throw new ArgumentException("A strategic merge patch applies to a JSON object.", nameof(target));
        }

        var result = new StrategicMapMerger(schema).Merge(targetMap.DeepClone().AsObject(), patchMap, "");
        StrategicDirectives.RemoveLeftovers(result);
        return result;
    }
}
