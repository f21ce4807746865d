using System.Text.Json.Nodes;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.OpenApi;

/// <summary>
/// The component schemas of a custom resource version, built from its CRD's structural schema the
/// way kube-apiserver publishes them: named after the reversed group
/// (<c>dev.operators.example.v1alpha1.BuildingBlock</c>), with <c>apiVersion</c>, <c>kind</c> and
/// <c>metadata</c> added and <c>x-kubernetes-group-version-kind</c> set, plus the list kind.
/// </summary>
internal static class CustomResourceComponents
{
    /// <summary>The component name of <paramref name="kind"/> in the group version of <paramref name="type"/>.</summary>
    public static string Name(ResourceType type, string kind) =>
        string.Join('.', type.Group.Split('.').Reverse()) + "." + type.Version + "." + kind;

    /// <summary>Adds the object and list schemas of <paramref name="type"/> to <paramref name="schemas"/>.</summary>
    public static ResourceSchemas AddTo(JsonObject schemas, ResourceType type, CustomResourceVersion version)
    {
        var objectName = Name(type, type.Kind);
        var listName = Name(type, type.ListKind);
        var root = version.Schema?.GetSubSchema("") ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        var properties = root["properties"] as JsonObject ?? [];
        var described = new JsonObject
        {
            ["apiVersion"] = ApiVersionProperty(),
            ["kind"] = KindProperty(),
            ["metadata"] = MetadataProperty("Standard object's metadata."),
        };
        foreach (var (name, value) in properties.ToList())
        {
            properties.Remove(name);
            described[name] = value;
        }

        root["properties"] = described;
        root["x-kubernetes-group-version-kind"] = GroupVersionKinds(type, type.Kind);
        schemas[objectName] = root;

        schemas[listName] = new JsonObject
        {
            ["description"] = $"{type.ListKind} is a list of {type.Kind}",
            ["type"] = "object",
            ["required"] = new JsonArray("items"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = ApiVersionProperty(),
                ["items"] = new JsonObject
                {
                    ["description"] = $"List of {type.Plural}.",
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + objectName },
                },
                ["kind"] = KindProperty(),
                ["metadata"] = MetadataProperty("Standard list metadata."),
            },
            ["x-kubernetes-group-version-kind"] = GroupVersionKinds(type, type.ListKind),
        };
        return ResourceSchemas.References(objectName, listName);
    }

    private static JsonArray GroupVersionKinds(ResourceType type, string kind) =>
        new(new JsonObject { ["group"] = type.Group, ["kind"] = kind, ["version"] = type.Version });

    private static JsonObject ApiVersionProperty() => new()
    {
        ["description"] = "APIVersion defines the versioned schema of this representation of an object.",
        ["type"] = "string",
    };

    private static JsonObject KindProperty() => new()
    {
        ["description"] = "Kind is a string value representing the REST resource this object represents.",
        ["type"] = "string",
    };

    private static JsonObject MetadataProperty(string description) => new()
    {
        ["description"] = description,
        ["type"] = "object",
    };
}
