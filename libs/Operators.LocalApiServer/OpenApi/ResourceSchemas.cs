using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.OpenApi;

/// <summary>The schemas an operation's bodies refer to: the resource's object and list.</summary>
/// <param name="Object">The schema (usually a <c>$ref</c>) of one object.</param>
/// <param name="List">The schema of a list of them.</param>
internal sealed record ResourceSchemas(JsonObject Object, JsonObject List)
{
    /// <summary>An object the document does not describe further (built-in kinds, <c>Scale</c>, patches).</summary>
    public static JsonObject AnyObject => new() { ["type"] = "object" };

    /// <summary>A <c>meta.k8s.io/v1</c> Status, the answer of deletes.</summary>
    public static JsonObject Status => new() { ["type"] = "object", ["description"] = "Status is a return value for calls that don't return other objects." };

    /// <summary>Schemas for a kind the document does not describe.</summary>
    public static ResourceSchemas Undescribed => new(AnyObject, AnyObject);

    /// <summary>References to the components <paramref name="objectName"/> and <paramref name="listName"/>.</summary>
    public static ResourceSchemas References(string objectName, string listName) => new(Reference(objectName), Reference(listName));

    private static JsonObject Reference(string name) => new() { ["$ref"] = "#/components/schemas/" + name };
}
