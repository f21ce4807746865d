using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>
/// The order kube-apiserver gives a merged list: items named by the patch in the patch's order,
/// items only on the server in their old order, the two interleaved by the server's order, and a
/// new item ahead of the server items that follow it (a patch adding only new items puts them first).
/// </summary>
internal static class ElementOrder
{
    /// <summary>
    /// The Go type shared by the items of both lists; 422 for a list of lists, 500 for mixed types
    /// or when both lists are empty.
    /// </summary>
    public static GoJsonKind ElementType(IReadOnlyList<JsonNode?> original, IReadOnlyList<JsonNode?> patch)
    {
        GoJsonKind? shared = null;
        foreach (var item in original.Concat(patch))
        {
            var type = GoJson.KindOf(item);
            if (shared is null && type == GoJsonKind.Array)
            {
                throw StrategicMergeErrors.ListsOfLists();
            }

            if (shared is not null && type != shared)
            {
                throw StrategicMergeErrors.MixedElementTypes(original, patch);
            }

            shared = type;
        }

        return shared ?? throw StrategicMergeErrors.NoElements();
    }

    /// <summary>Splits <paramref name="merged"/> into the items found in <paramref name="named"/> and the others.</summary>
    public static (List<JsonNode?> Named, List<JsonNode?> Others) Partition(
        IReadOnlyList<JsonNode?> merged, IReadOnlyList<JsonNode?> named, string mergeKey)
    {
        var inList = new List<JsonNode?>();
        var others = new List<JsonNode?>();
        foreach (var item in merged)
        {
            var found = mergeKey.Length == 0
                ? named.Any(n => GoEquality.Equal(n, item))
                : FindByKey(named, mergeKey, MergeKeyValue(item, mergeKey)) >= 0;
            (found ? inList : others).Add(item);
        }

        return (inList, others);
    }

    /// <summary>
    /// Orders the patch's items by <paramref name="patchOrder"/>, the server-only items by
    /// <paramref name="serverOrder"/>, and interleaves them by <paramref name="serverOrder"/>.
    /// </summary>
    public static List<JsonNode?> Normalize(
        IReadOnlyList<JsonNode?> patchItems,
        IReadOnlyList<JsonNode?> serverOnly,
        IReadOnlyList<JsonNode?> patchOrder,
        IReadOnlyList<JsonNode?> serverOrder,
        string mergeKey,
        GoJsonKind elementType)
    {
        var right = SortBy(patchItems, patchOrder, mergeKey, elementType);
        var left = SortBy(serverOnly, serverOrder, mergeKey, elementType);
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            var leftIndex = IndexIn(serverOrder, left[i], mergeKey, elementType);
            var rightIndex = IndexIn(serverOrder, right[j], mergeKey, elementType);
            var takeLeft = leftIndex >= 0 && rightIndex >= 0 && leftIndex < rightIndex;
            result.Add(takeLeft ? left[i++] : right[j++]);
        }

        result.AddRange(left.Skip(i));
        result.AddRange(right.Skip(j));
        return result;
    }

    /// <summary>The merge key's value of a list item, or 500 when it is not a map or lacks the key.</summary>
    public static JsonNode? MergeKeyValue(JsonNode? item, string mergeKey)
    {
        if (item is not JsonObject map)
        {
            throw StrategicMergeErrors.BadArgType(GoJsonKind.Object, item);
        }

        return map.TryGetPropertyValue(mergeKey, out var value)
            ? value
            : throw StrategicMergeErrors.NoMergeKey(map, mergeKey);
    }

    /// <summary>
    /// The index of the first map of <paramref name="list"/> whose <paramref name="mergeKey"/> is
    /// <paramref name="value"/>, or -1; 500 when an item is not a map.
    /// </summary>
    public static int FindByKey(IReadOnlyList<JsonNode?> list, string mergeKey, JsonNode? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject map)
            {
                throw StrategicMergeErrors.NotAMap(i);
            }

            if (map.TryGetPropertyValue(mergeKey, out var candidate) && GoEquality.Equal(candidate, value))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<JsonNode?> SortBy(IReadOnlyList<JsonNode?> items, IReadOnlyList<JsonNode?> order, string mergeKey, GoJsonKind elementType)
    {
        var toDelete = new List<JsonNode?>();
        var toSort = items.ToList();
        if (elementType == GoJsonKind.Object)
        {
            foreach (var item in items.Concat(order))
            {
                MergeKeyValue(item, mergeKey);
            }

            toDelete = toSort.Where(i => StrategicDirectives.Is(i![StrategicDirectives.Marker], StrategicDirectives.Delete)).ToList();
            toSort = toSort.Where(i => !toDelete.Contains(i)).ToList();
        }

        return toSort.OrderBy(item => IndexIn(order, item, mergeKey, elementType)).Concat(toDelete).ToList();
    }

    private static int IndexIn(IReadOnlyList<JsonNode?> list, JsonNode? item, string mergeKey, GoJsonKind elementType)
    {
        var wanted = elementType == GoJsonKind.Object ? KeyValueOfMap(item, mergeKey) : item;
        for (var i = 0; i < list.Count; i++)
        {
            var candidate = elementType == GoJsonKind.Object ? KeyValueOfMap(list[i], mergeKey) : list[i];
            if (GoEquality.Equal(wanted, candidate))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonNode? KeyValueOfMap(JsonNode? item, string mergeKey) => (item as JsonObject)?[mergeKey];
}
