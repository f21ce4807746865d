using System.Text.Json.Nodes;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.OpenApi;

/// <summary>
/// The OpenAPI v3 path items of one resource, as kube-apiserver publishes them: the collection
/// (list, create, deletecollection), the object (read, replace, patch, delete), the list across
/// namespaces, and the <c>status</c> and <c>scale</c> subresources. Every operation carries
/// <c>x-kubernetes-action</c> and <c>x-kubernetes-group-version-kind</c>, which kubectl reads to
/// decide on server-side field validation and on the patch type of <c>kubectl apply</c>.
/// </summary>
internal sealed class OpenApiOperations
{
    private readonly ResourceType _type;
    private readonly ResourceSchemas _schemas;
    private readonly IReadOnlyList<string> _patchTypes;
    private readonly string _operationSuffix;
    private readonly string _tag;

    /// <summary>Describes <paramref name="type"/>, whose PATCH accepts <paramref name="patchTypes"/>.</summary>
    public OpenApiOperations(ResourceType type, ResourceSchemas schemas, IReadOnlyList<string> patchTypes)
    {
        _type = type;
        _schemas = schemas;
        _patchTypes = patchTypes;
        var group = type.Group.Length == 0 ? "Core" : Pascal(type.Group);
        _operationSuffix = group + Pascal(type.Version);
        _tag = char.ToLowerInvariant(group[0]) + group[1..] + "_" + type.Version;
    }

    /// <summary>Adds this resource's path items to <paramref name="paths"/>.</summary>
    public void AddTo(JsonObject paths)
    {
        var prefix = _type.Group.Length == 0 ? "/api/v1" : $"/apis/{_type.Group}/{_type.Version}";
        var scoped = (_type.Namespaced ? "Namespaced" : "") + _type.Kind;
        var collection = _type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{_type.Plural}" : $"{prefix}/{_type.Plural}";
        var item = collection + "/{name}";
        var gvk = GroupVersionKind(_type.Group, _type.Version, _type.Kind);
        var verbs = _type.Verbs.ToHashSet(StringComparer.Ordinal);

        var collectionItem = new JsonObject();
        if (verbs.Contains("list"))
        {
            collectionItem["get"] = Operation("list", "list", scoped, $"list or watch objects of kind {_type.Kind}", gvk, null, _schemas.List);
        }

        if (verbs.Contains("create"))
        {
            collectionItem["post"] = Operation("create", "post", scoped, $"create a {_type.Kind}", gvk, AnyBody(_schemas.Object), _schemas.Object);
        }

        if (verbs.Contains("deletecollection"))
        {
            collectionItem["delete"] = Operation("deletecollection", "deletecollection", scoped, $"delete collection of {_type.Kind}", gvk, null, ResourceSchemas.Status);
        }

        Add(paths, collection, collectionItem, withName: false);
        Add(paths, item, ObjectOperations(verbs, gvk, scoped, _type.Kind, _schemas.Object), withName: true);

        if (_type.Namespaced && verbs.Contains("list"))
        {
            paths[$"{prefix}/{_type.Plural}"] = new JsonObject
            {
                ["get"] = Operation("list", "list", _type.Kind + "ForAllNamespaces", $"list or watch objects of kind {_type.Kind}", gvk, null, _schemas.List),
            };
        }

        string[] subresourceVerbs = ["get", "update", "patch"];
        if (_type.HasStatus)
        {
            Add(paths, item + "/status", ObjectOperations(subresourceVerbs, gvk, scoped + "Status", $"status of the {_type.Kind}", _schemas.Object), withName: true);
        }

        if (_type.HasScale)
        {
            var scaleGvk = GroupVersionKind("autoscaling", "v1", "Scale");
            Add(paths, item + "/scale", ObjectOperations(subresourceVerbs, scaleGvk, scoped + "Scale", $"scale of the {_type.Kind}", ResourceSchemas.AnyObject), withName: true);
        }
    }

    private static JsonObject GroupVersionKind(string group, string version, string kind) =>
        new() { ["group"] = group, ["kind"] = kind, ["version"] = version };

    private static JsonObject AnyBody(JsonObject schema) => Body(["*/*"], schema);

    private static JsonObject Body(IEnumerable<string> contentTypes, JsonObject schema)
    {
        var content = new JsonObject();
        foreach (var contentType in contentTypes)
        {
            content[contentType] = new JsonObject { ["schema"] = schema.DeepClone() };
        }

        return new JsonObject { ["content"] = content, ["required"] = true };
    }

    // "kubectl.operators.dev" -> "KubectlOperatorsDev", "v1alpha1" -> "V1alpha1".
    private static string Pascal(string name) => string.Concat(
        name.Split('.', '-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private JsonObject ObjectOperations(IEnumerable<string> verbs, JsonObject gvk, string name, string what, JsonObject schema)
    {
        var pathItem = new JsonObject();
        foreach (var verb in verbs)
        {
            switch (verb)
            {
                case "get":
                    pathItem["get"] = Operation("read", "get", name, $"read the specified {what}", gvk, null, schema);
                    break;
                case "update":
                    pathItem["put"] = Operation("replace", "put", name, $"replace the specified {what}", gvk, AnyBody(schema), schema);
                    break;
                case "patch":
                    pathItem["patch"] = Operation("patch", "patch", name, $"partially update the specified {what}", gvk, Body(_patchTypes, ResourceSchemas.AnyObject), schema);
                    break;
                case "delete":
                    pathItem["delete"] = Operation("delete", "delete", name, $"delete a {what}", gvk, null, ResourceSchemas.Status);
                    break;
            }
        }

        return pathItem;
    }

    private void Add(JsonObject paths, string path, JsonObject pathItem, bool withName)
    {
        if (pathItem.Count == 0)
        {
            return;
        }

        var parameters = new JsonArray();
        if (withName)
        {
            parameters.Add(OpenApiParameters.Path("name", $"name of the {_type.Kind}"));
        }

        if (_type.Namespaced)
        {
            parameters.Add(OpenApiParameters.Path("namespace", "object name and auth scope, such as for teams and projects"));
        }

        if (parameters.Count > 0)
        {
            pathItem["parameters"] = parameters;
        }

        paths[path] = pathItem;
    }

    private JsonObject Operation(string idVerb, string action, string name, string description, JsonObject gvk, JsonObject? requestBody, JsonObject responseSchema)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(_tag),
            ["description"] = description,
            ["operationId"] = idVerb + _operationSuffix + name,
        };
        if (OpenApiParameters.ForAction(action) is { Count: > 0 } parameters)
        {
            operation["parameters"] = parameters;
        }

        if (requestBody is not null)
        {
            operation["requestBody"] = requestBody;
        }

        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = responseSchema.DeepClone() } },
            },
            ["401"] = new JsonObject { ["description"] = "Unauthorized" },
        };
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = gvk.DeepClone();
        return operation;
    }
}
