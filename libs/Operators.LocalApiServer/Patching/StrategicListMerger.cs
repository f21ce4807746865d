using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// Strategic merge patch of one list field: replaced unless its rule merges it; merged lists of
/// objects are matched by merge key (with <c>$patch: delete|replace</c> items), merged lists of
/// primitives are sets (with <c>$deleteFromPrimitiveList</c>).
/// </summary>
internal sealed class StrategicListMerger
{
    private readonly StrategicMergeSchema _schema;
    private readonly StrategicMapMerger _maps;

    /// <summary>Creates the list half of <paramref name="maps"/>, which merges the list's objects.</summary>
    public StrategicListMerger(StrategicMergeSchema schema, StrategicMapMerger maps)
    {
        _schema = schema;
        _maps = maps;
    }

    /// <summary>
    /// Merges the (detached) patch list into the (detached) list of the field at <paramref name="path"/>;
    /// <paramref name="isDeleteList"/> when the patch list is a <c>$deleteFromPrimitiveList</c>.
    /// </summary>
    public JsonArray MergeField(JsonArray original, JsonArray patch, string path, bool isDeleteList)
    {
        var rule = _schema.RuleFor(path);
        if (rule?.Strategy != PatchStrategy.Merge && !isDeleteList)
        {
            return patch;
        }

        var merged = Merge(TakeItems(original), TakeItems(patch), rule?.MergeKey ?? "", isDeleteList, path);
        return new JsonArray(merged.ToArray());
    }

    /// <summary>The items of <paramref name="list"/>, which is left empty so they can move to another list.</summary>
    public static List<JsonNode?> TakeItems(JsonArray list)
    {
        var items = list.ToList();
        list.Clear();
        return items;
    }

    private List<JsonNode?> Merge(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, bool isDeleteList, string path)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }

        var elementType = ElementOrder.ElementType(original, patch);
        List<JsonNode?> merged;
        if (elementType != GoJsonKind.Object)
        {
            if (isDeleteList)
            {
                return original.Where(item => !patch.Any(p => GoEquality.Equal(p, item))).ToList();
            }

            merged = [];
            foreach (var item in original.Concat(patch).Where(item => !merged.Any(m => GoEquality.Equal(m, item))))
            {
                merged.Add(item);
            }
        }
        else
        {
            if (mergeKey.Length == 0)
            {
                throw StrategicMergeErrors.NoMergeKeyDeclared(path);
            }

            (original, patch) = ApplyItemDirectives(original, patch, mergeKey);
            merged = MergeItems(original, patch, mergeKey, path);
        }

        var (patchItems, serverOnly) = ElementOrder.Partition(merged, patch, mergeKey);
        return ElementOrder.Normalize(patchItems, serverOnly, patch, original, mergeKey, elementType);
    }

    /// <summary>
    /// Applies the items carrying <c>$patch</c>: <c>delete</c> removes the original items with that
    /// merge key, <c>replace</c> makes the other patch items the whole list. Returns the original
    /// and the patch items left to merge.
    /// </summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) ApplyItemDirectives(
        List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var plainItems = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch.Cast<JsonObject>())
        {
            if (!item.TryGetPropertyValue(StrategicDirectives.Marker, out var directive))
            {
                plainItems.Add(item);
            }
            else if (StrategicDirectives.Is(directive, StrategicDirectives.Delete))
            {
                var keyValue = item.TryGetPropertyValue(mergeKey, out var value)
                    ? value
                    : throw StrategicMergeErrors.NoMergeKey(item, mergeKey);
                original = original.Where(o => !IsItemWithKey(o, mergeKey, keyValue)).ToList();
            }
            else if (StrategicDirectives.Is(directive, StrategicDirectives.Replace))
            {
                replace = true;
            }
            else
            {
                throw StrategicDirectives.Is(directive, StrategicDirectives.Merge)
                    ? StrategicMergeErrors.MergeDirectiveInList()
                    : StrategicMergeErrors.BadPatchType(directive, item);
            }
        }

        return replace ? (plainItems, []) : (original, plainItems);
    }

    private List<JsonNode?> MergeItems(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, string path)
    {
        var result = new List<JsonNode?>(original);
        foreach (var item in patch.Cast<JsonObject>())
        {
            var keyValue = item.TryGetPropertyValue(mergeKey, out var value)
                ? value
                : throw StrategicMergeErrors.NoMergeKey(item, mergeKey);
            var index = ElementOrder.FindByKey(result, mergeKey, keyValue);
            if (index >= 0)
            {
                // The item stays in the patch list, which orders the result: merge a copy.
                result[index] = _maps.Merge(result[index]!.AsObject(), item.DeepClone().AsObject(), path);
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static bool IsItemWithKey(JsonNode? item, string mergeKey, JsonNode? keyValue) =>
        item is JsonObject map && map.TryGetPropertyValue(mergeKey, out var value) && GoEquality.Equal(value, keyValue);
}
