using System.Text.Json.Nodes;
using Operators.LocalApiServer.Patching;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.OpenApi;

/// <summary>
/// The OpenAPI v3 documents of the served group versions (<c>/openapi/v3/api/v1</c>,
/// <c>/openapi/v3/apis/{group}/{version}</c>), generated from the registry: every operation of
/// every resource, and the schemas of custom resources from their CRDs. Built-in kinds get no
/// component schemas, so kubectl computes their strategic merge patches from its compiled-in types.
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly string[] CustomPatchTypes = ["application/json-patch+json", "application/merge-patch+json"];
    private static readonly string[] BuiltInPatchTypes = [.. CustomPatchTypes, "application/strategic-merge-patch+json"];

    /// <summary>The discovery key of a group version: <c>api/v1</c> or <c>apis/{group}/{version}</c>.</summary>
    public static string Key(string group, string version) => group.Length == 0 ? "api/" + version : $"apis/{group}/{version}";

    /// <summary>The served group versions by discovery key, in the order the registry lists them.</summary>
    public static IReadOnlyList<(string Key, string Group, string Version)> GroupVersions(IEnumerable<ResourceType> resources) =>
        resources.Select(r => (Key(r.Group, r.Version), r.Group, r.Version)).Distinct().ToList();

    /// <summary>The document of one group version; null when nothing is served there.</summary>
    public static JsonObject? ForGroupVersion(ResourceRegistry registry, string group, string version)
    {
        var served = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in served)
        {
            var custom = registry.Custom(type);
            var resourceSchemas = custom is null ? ResourceSchemas.Undescribed : CustomResourceComponents.AddTo(schemas, type, custom);
            var patchTypes = custom is null && StrategicMergeSchema.ForKind(type.Group, type.Kind) is not null ? BuiltInPatchTypes : CustomPatchTypes;
            new OpenApiOperations(type, resourceSchemas, patchTypes).AddTo(paths);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.36.2-local" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }
}
