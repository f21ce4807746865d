using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// <c>$setElementOrder/&lt;list&gt;</c>: merges the list as usual, then puts the items it names in
/// its order, keeping the items only the server has where the server had them.
/// </summary>
internal static class SetElementOrderDirective
{
    /// <summary>
    /// Handles every <c>$setElementOrder</c> key of <paramref name="patch"/>, removing it and the
    /// list it orders from the patch.
    /// </summary>
    public static void Apply(JsonObject original, JsonObject patch, string path, StrategicMergeSchema schema, StrategicListMerger lists)
    {
        var directiveKeys = patch.Select(p => p.Key)
            .Where(k => k.StartsWith(StrategicDirectives.SetElementOrderPrefix, StringComparison.Ordinal))
            .ToList();
        foreach (var directiveKey in directiveKeys)
        {
            var orderNode = patch[directiveKey];
            patch.Remove(directiveKey);
            if (orderNode is not JsonArray order)
            {
                throw StrategicMergeErrors.BadArgType(GoJsonKind.Array, orderNode);
            }

            var listKey = StrategicDirectives.ListKeyOf(directiveKey, StrategicDirectives.SetElementOrderPrefix)
                ?? throw StrategicMergeErrors.BadSetElementOrder();
            var originalList = ListMember(original, listKey);
            var patchList = ListMember(patch, listKey);
            if (originalList is null && patchList is null)
            {
                continue;
            }

            patch.Remove(listKey);
            var listPath = StrategicMergeSchema.Child(path, listKey);
            var mergeKey = schema.RuleFor(listPath)?.MergeKey ?? "";
            var orderItems = order.ToList();
            var originalItems = originalList?.ToList() ?? [];
            var patchItems = patchList?.ToList() ?? [];
            Validate(patchList, patchItems, order, mergeKey);

            var merged = (originalList, patchList) switch
            {
                (not null, not null) => StrategicListMerger.TakeItems(lists.MergeField(originalList, patchList, listPath, isDeleteList: false)),
                (not null, null) => StrategicListMerger.TakeItems(originalList),
                _ => WithoutDirectives(patchList!),
            };
            var elementType = ElementOrder.ElementType(originalItems, patchItems);
            var (named, serverOnly) = ElementOrder.Partition(merged, orderItems, mergeKey);
            var ordered = ElementOrder.Normalize(named, serverOnly, orderItems, originalItems, mergeKey, elementType);
            original[listKey] = new JsonArray(ordered.ToArray());
        }
    }

    private static JsonArray? ListMember(JsonObject map, string key)
    {
        if (!map.TryGetPropertyValue(key, out var value))
        {
            return null;
        }

        return value as JsonArray ?? throw StrategicMergeErrors.BadArgType(GoJsonKind.Array, value);
    }

    private static List<JsonNode?> WithoutDirectives(JsonArray patchList)
    {
        StrategicDirectives.PrepareNewValue(patchList);
        return StrategicListMerger.TakeItems(patchList);
    }

    /// <summary>
    /// 500 unless the patch list's items (other than <c>$patch</c> ones) appear in the order list,
    /// in the same order.
    /// </summary>
    private static void Validate(JsonArray? patchList, List<JsonNode?> patchItems, JsonArray order, string mergeKey)
    {
        if (order.Count == 0 || patchItems.Count == 0)
        {
            return;
        }

        var items = mergeKey.Length == 0 ? patchItems : patchItems.Where(i => !IsDeleteItem(i)).ToList();
        int patchIndex = 0, orderIndex = 0;
        while (patchIndex < items.Count && orderIndex < order.Count)
        {
            if (items[patchIndex] is JsonObject item && item.ContainsKey(StrategicDirectives.Marker))
            {
                patchIndex++;
                continue;
            }

            if (SameItem(items[patchIndex], order[orderIndex], mergeKey))
            {
                patchIndex++;
            }

            orderIndex++;
        }

        if (patchIndex < items.Count)
        {
            throw StrategicMergeErrors.OrderMismatch(patchList, order);
        }
    }

    private static bool IsDeleteItem(JsonNode? item) => item is JsonObject map
        ? StrategicDirectives.Is(map[StrategicDirectives.Marker], StrategicDirectives.Delete)
        : throw StrategicMergeErrors.BadArgType(GoJsonKind.Object, item);

    private static bool SameItem(JsonNode? left, JsonNode? right, string mergeKey) => mergeKey.Length == 0
        ? GoEquality.Equal(left, right)
        : GoEquality.Equal(ElementOrder.MergeKeyValue(left, mergeKey), ElementOrder.MergeKeyValue(right, mergeKey));
}
