using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Shapes of Kubernetes API documents the runner needs to recognise.</summary>
internal static class KubeObjects
{
    /// <summary>True for a list or a Table, whose <c>metadata.resourceVersion</c> is a list RV.</summary>
    public static bool IsListLike(JsonObject obj)
    {
        var kind = JsonText.StringOf(obj["kind"]);
        return obj["items"] is JsonArray || kind == "Table" || (kind?.EndsWith("List", StringComparison.Ordinal) ?? false);
    }

    /// <summary>True for a <c>Status</c> (kind Status, apiVersion v1), success or failure.</summary>
    public static bool IsStatus(JsonNode? node) =>
        node is JsonObject obj && JsonText.StringOf(obj["kind"]) == "Status" && JsonText.StringOf(obj["apiVersion"]) == "v1";

    /// <summary>The object's <c>metadata.resourceVersion</c>, or null.</summary>
    public static string? ResourceVersionOf(JsonNode? obj) => JsonText.StringOf(obj?["metadata"]?["resourceVersion"]);

    /// <summary>
    /// The resourceVersions of the objects in a response body: the items of a list, or the
    /// object itself (not of a Status).
    /// </summary>
    public static IEnumerable<string> ObjectResourceVersions(JsonNode? body)
    {
        if (body is not JsonObject obj || IsStatus(obj))
        {
            return [];
        }

        if (obj["items"] is JsonArray items)
        {
            return items.Select(ResourceVersionOf).OfType<string>().Where(rv => rv.Length > 0);
        }

        IEnumerable<JsonNode?> objects = IsListLike(obj) ? [] : new[] { obj };
        return objects.Select(ResourceVersionOf).OfType<string>().Where(rv => rv.Length > 0);
    }
}
