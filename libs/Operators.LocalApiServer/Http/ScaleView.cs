using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>The <c>scale</c> subresource: an <c>autoscaling/v1</c> Scale view of a Deployment or custom resource.</summary>
internal static class ScaleView
{
    /// <summary>The Scale of an object.</summary>
    public static JsonObject From(ResourceType type, ResourceRegistry registry, JsonObject obj)
    {
        var (specPath, statusPath, selectorPath) = Paths(type, registry);
        var meta = obj["metadata"]!.AsObject();
        var scaleMeta = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta[key] is { } value)
            {
                scaleMeta[key] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = (int?)Read(obj, statusPath) ?? 0 };
        var selector = selectorPath is null ? null : Read(obj, selectorPath);
        if (type is { Group: "apps", Plural: "deployments" })
        {
            selector = SelectorString(obj["spec"]?["selector"]);
        }

        if (selector is JsonValue value2 && ((string?)value2)?.Length > 0)
        {
            status["selector"] = value2.DeepClone();
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = (int?)Read(obj, specPath) is > 0 and var replicas ? new JsonObject { ["replicas"] = replicas } : new JsonObject(),
            ["status"] = status,
        };
    }

    /// <summary>Sets the object's replicas from a Scale.</summary>
    public static JsonObject ApplyReplicas(ResourceType type, ResourceRegistry registry, JsonObject obj, JsonObject scale)
    {
        var replicas = scale["spec"]?["replicas"] is JsonValue v && v.TryGetValue<int>(out var r) ? r : 0;
        if (replicas < 0)
        {
            throw ApiException.Invalid("autoscaling", "Scale", (string?)obj["metadata"]?["name"] ?? "",
                [new StatusCause("FieldValueInvalid", "spec.replicas", $"Invalid value: {replicas}: must be greater than or equal to 0")]);
        }

        var (specPath, _, _) = Paths(type, registry);
        Write(obj, specPath, replicas);
        return obj;
    }

    /// <summary>Applies a patch to the Scale view and writes its replicas back.</summary>
    public static JsonObject ApplyPatch(ResourceType type, ResourceRegistry registry, JsonObject obj, Func<JsonObject, JsonObject> patch)
    {
        var scale = patch(From(type, registry, obj));
        return ApplyReplicas(type, registry, obj, scale);
    }

    private static (string Spec, string Status, string? Selector) Paths(ResourceType type, ResourceRegistry registry)
    {
        if (registry.Custom(type) is { } custom)
        {
            return (custom.ScaleSpecReplicasPath ?? ".spec.replicas", custom.ScaleStatusReplicasPath ?? ".status.replicas", custom.ScaleLabelSelectorPath);
        }

        return (".spec.replicas", ".status.replicas", null);
    }

    private static JsonNode? Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.TrimStart('.').Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void Write(JsonObject obj, string path, int value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    private static JsonValue? SelectorString(JsonNode? selector)
    {
        if (selector?["matchLabels"] is not JsonObject labels)
        {
            return null;
        }

        return JsonValue.Create(string.Join(",", labels.Select(p => $"{p.Key}={(string?)p.Value}")));
    }
}
