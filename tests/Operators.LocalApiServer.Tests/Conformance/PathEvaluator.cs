using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Evaluates scenario paths (see <see cref="PathExpression"/>) against JSON documents.</summary>
internal static class PathEvaluator
{
    /// <summary>Selects <paramref name="path"/> from <paramref name="root"/>.</summary>
    public static Selection Select(JsonNode? root, string path) => Select(root, PathExpression.Parse(path), 0);

    /// <summary>Removes what <paramref name="path"/> selects from <paramref name="root"/>, in place.</summary>
    public static void Remove(JsonNode? root, string path)
    {
        var segments = PathExpression.Parse(path);
        if (segments.Count == 0)
        {
            return;
        }

        var containers = Select(root, segments.Take(segments.Count - 1).ToList(), 0).Values().ToList();
        foreach (var container in containers)
        {
            RemoveFrom(container, segments[^1]);
        }
    }

    /// <summary>A value as the text a <c>[key=value]</c> filter compares with.</summary>
    public static string FilterText(JsonNode? value) => JsonText.TextOf(value);

    private static Selection Select(JsonNode? node, IReadOnlyList<PathSegment> segments, int position)
    {
        if (position == segments.Count)
        {
            return Selection.Of(node);
        }

        var segment = segments[position];
        switch (segment.Kind)
        {
            case PathSegmentKind.Key when node is JsonObject obj && obj.TryGetPropertyValue(segment.Key, out var child):
                return Select(child, segments, position + 1);
            case PathSegmentKind.Index when node is JsonArray array && ResolveIndex(array, segment.Index) is { } index:
                return Select(array[index], segments, position + 1);
            case PathSegmentKind.All when node is JsonArray array:
                return Selection.Many(array.Select(element => Select(element, segments, position + 1)).ToList());
            case PathSegmentKind.Filter when node is JsonArray array && FirstMatch(array, segment) is { } match:
                return Select(match, segments, position + 1);
            default:
                return Selection.Absent;
        }
    }

    private static void RemoveFrom(JsonNode? container, PathSegment segment)
    {
        switch (segment.Kind)
        {
            case PathSegmentKind.Key when container is JsonObject obj:
                obj.Remove(segment.Key);
                break;
            case PathSegmentKind.Index when container is JsonArray array && ResolveIndex(array, segment.Index) is { } index:
                array.RemoveAt(index);
                break;
            case PathSegmentKind.All when container is JsonArray array:
                array.Clear();
                break;
            case PathSegmentKind.Filter when container is JsonArray array && FirstMatch(array, segment) is { } match:
                array.Remove(match);
                break;
            default:
                break;
        }
    }

    private static int? ResolveIndex(JsonArray array, int index)
    {
        var resolved = index < 0 ? array.Count + index : index;
        return resolved >= 0 && resolved < array.Count ? resolved : null;
    }

    private static JsonObject? FirstMatch(JsonArray array, PathSegment filter) =>
        array.OfType<JsonObject>().FirstOrDefault(element =>
            element.TryGetPropertyValue(filter.Key, out var value)
            && string.Equals(FilterText(value), filter.Value, StringComparison.Ordinal));
}
