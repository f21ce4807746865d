using System.Text.Json.Nodes;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Patching;

/// <summary>The directives of strategic merge patch and what is done with leftover ones.</summary>
internal static class StrategicDirectives
{
    /// <summary>The member that carries a directive in a map or a list item.</summary>
    public const string Marker = "$patch";

    /// <summary><c>$patch: delete</c>: remove the map, or the list item with that merge key.</summary>
    public const string Delete = "delete";

    /// <summary><c>$patch: replace</c>: the map, or the whole list, is replaced by the patch's.</summary>
    public const string Replace = "replace";

    /// <summary><c>$patch: merge</c>: rejected in lists, as by kube-apiserver.</summary>
    public const string Merge = "merge";

    /// <summary>The list of the only keys a map keeps.</summary>
    public const string RetainKeys = "$retainKeys";

    /// <summary>Prefix of <c>$deleteFromPrimitiveList/&lt;list&gt;</c>: values to remove from a merged primitive list.</summary>
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

    /// <summary>Prefix of <c>$setElementOrder/&lt;list&gt;</c>: the order the merged list must have.</summary>
    public const string SetElementOrderPrefix = "$setElementOrder";

    /// <summary>
    /// The list a parallel-list directive key names (<c>finalizers</c> in
    /// <c>$deleteFromPrimitiveList/finalizers</c>); null when the key is not <c>prefix/list</c>.
    /// </summary>
    public static string? ListKeyOf(string directiveKey, string prefix)
    {
        var slash = directiveKey.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && directiveKey[..slash] == prefix ? directiveKey[(slash + 1)..] : null;
    }

    /// <summary>True when <paramref name="value"/> is the directive string <paramref name="directive"/>.</summary>
    public static bool Is(JsonNode? value, string directive) =>
        GoJson.KindOf(value) == GoJsonKind.String && value!.GetValue<string>() == directive;

    /// <summary>
    /// Prepares a patch value that is taken as it is (its field was absent or of another type):
    /// drops its null members and, recursively, every map carrying <c>$patch</c>. Returns false
    /// when the value itself is such a map and must not be kept at all.
    /// </summary>
    public static bool PrepareNewValue(JsonNode? value)
    {
        DiscardNullMembers(value);
        return RemoveMapsWithMarker(value);
    }

    /// <summary>
    /// Drops, everywhere, null members and leftover directive keys, as decoding the result into
    /// a built-in type does.
    /// </summary>
    public static void RemoveLeftovers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Where(p => p.Value is null || IsDirectiveKey(p.Key)).Select(p => p.Key).ToList())
                {
                    map.Remove(key);
                }

                foreach (var (_, value) in map)
                {
                    RemoveLeftovers(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    RemoveLeftovers(item);
                }

                break;
        }
    }

    private static bool IsDirectiveKey(string key) =>
        key is Marker or RetainKeys
        || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    private static void DiscardNullMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    map.Remove(key);
                }

                foreach (var (_, value) in map)
                {
                    DiscardNullMembers(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    DiscardNullMembers(item);
                }

                break;
        }
    }

    private static bool RemoveMapsWithMarker(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map when map.ContainsKey(Marker):
                return false;
            case JsonObject map:
                foreach (var key in map.Where(p => !RemoveMapsWithMarker(p.Value)).Select(p => p.Key).ToList())
                {
                    map.Remove(key);
                }

                return true;
            case JsonArray list:
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (!RemoveMapsWithMarker(list[i]))
                    {
                        list.RemoveAt(i);
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
