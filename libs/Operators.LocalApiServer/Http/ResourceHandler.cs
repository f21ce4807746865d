using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Selectors;
using Operators.LocalApiServer.Storage;
using Operators.LocalApiServer.Watch;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// Serves the verbs on one resource path: get, list, watch, create, update, patch, delete, and
/// the <c>status</c> and <c>scale</c> subresources.
/// </summary>
internal sealed class ResourceHandler(
    ObjectStore store,
    ResourceRegistry registry,
    ObjectWriter writer,
    WatchStreamer watches,
    TableResponder tables,
    PatchApplier patches)
{
    /// <summary>Handles a request for <paramref name="path"/> of resource <paramref name="type"/>.</summary>
    public Task HandleAsync(HttpContext context, ResourcePath path, ResourceType type, CancellationToken stopping)
    {
        var method = context.Request.Method;
        if (path.Subresource.Length > 0 && !SubresourceServed(type, path.Subresource))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        if (type.Namespaced && path.Namespace is null && path.Name is not null)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        return (method, path.Name) switch
        {
            ("GET", null) when IsWatch(context.Request) => WatchAsync(context, path, type, stopping),
            ("GET", null) => ListAsync(context, path, type),
            ("GET", _) when path.Subresource == "scale" => GetScaleAsync(context, path, type),
            ("GET", _) => GetAsync(context, path, type),
            ("POST", null) => CreateAsync(context, path, type),
            ("PUT", not null) => UpdateAsync(context, path, type),
            ("PATCH", not null) => PatchAsync(context, path, type),
            ("DELETE", not null) => DeleteAsync(context, path, type),
            ("DELETE", null) => DeleteCollectionAsync(context, path, type),
            _ => throw new ApiException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private static bool SubresourceServed(ResourceType type, string subresource) =>
        (subresource == "status" && type.HasStatus) || (subresource == "scale" && type.HasScale);

    private static bool IsWatch(HttpRequest request) => request.Query["watch"] is var w && (w == "true" || w == "1");

    private async Task GetAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var stored = Lookup(path, type);
        var obj = Representation.ToClient(type, stored.ToNode());
        if (tables.TryWriteObjectAsync(context, type, obj) is { } table)
        {
            await table;
            return;
        }

        await JsonResponses.WriteAsync(context, 200, obj);
    }

    private async Task ListAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var query = context.Request.Query;
        var storageType = Representation.StorageType(type, registry);
        var filter = Filter(path, type, query);
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : 0;
        var start = ContinueToken.Decode(query["continue"].ToString(), store);
        var page = store.List(ObjectStore.StorageOf(storageType), path.Namespace, start?.Key, limit, filter.Matches);
        var listVersion = start?.ResourceVersion ?? page.ResourceVersion;
        var next = page.NextKey is null ? null : ContinueToken.Encode(page.NextKey, listVersion);
        var selective = query.ContainsKey("labelSelector") || query.ContainsKey("fieldSelector");
        long? remaining = next is not null && !selective ? page.RemainingItemCount : null;
        var items = page.Items.Select(o => Representation.ToClient(type, o.ToNode())).ToList();

        if (tables.TryWriteListAsync(context, type, items, listVersion, next, remaining) is { } table)
        {
            await table;
            return;
        }

        var metadata = new JsonObject { ["resourceVersion"] = listVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
            if (remaining is not null)
            {
                metadata["remainingItemCount"] = remaining;
            }
        }

        var custom = registry.IsCustom(type);
        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(items.Select(i => (JsonNode)(custom ? i : WithoutTypeMeta(i))).ToArray()),
        };
        await JsonResponses.WriteAsync(context, 200, list);
    }

    private Task WatchAsync(HttpContext context, ResourcePath path, ResourceType type, CancellationToken stopping)
    {
        var filter = Filter(path, type, context.Request.Query);
        var storageType = Representation.StorageType(type, registry);
        var asTable = tables.WatchPresenter(context, type);
        return watches.ServeAsync(context, type, storageType, filter, obj =>
        {
            var client = Representation.ToClient(type, obj);
            return asTable is null ? client : asTable(client);
        }, stopping);
    }

    private async Task CreateAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var options = QueryOptions.Write(context.Request, "CreateOptions", "");
        var body = Decode(type, await RequestBody.ReadAsync(context), context.Request);
        CheckNamespace(path, type, body);
        var result = writer.Create(Representation.StorageType(type, registry), path.Namespace ?? "", Representation.FromClient(type, body), options);
        await RespondAsync(context, type, result, 201);
    }

    private async Task UpdateAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var options = QueryOptions.Write(context.Request, "UpdateOptions", path.Subresource);
        var raw = await RequestBody.ReadAsync(context);
        if (path.Subresource == "scale")
        {
            await UpdateScaleAsync(context, path, type, RequestBody.ParseObject(raw), options);
            return;
        }

        var body = Decode(type, raw, context.Request);
        CheckNamespace(path, type, body);
        var name = (string?)body["metadata"]?["name"];
        if (name != path.Name)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})");
        }

        var result = writer.Update(Representation.StorageType(type, registry), path.Namespace ?? "", path.Name!, Representation.FromClient(type, body), options);
        await RespondAsync(context, type, result, result.Created ? 201 : 200);
    }

    private async Task PatchAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var options = QueryOptions.Write(context.Request, "PatchOptions", path.Subresource);
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var raw = await RequestBody.ReadAsync(context);
        var storageType = Representation.StorageType(type, registry);
        Func<JsonObject, JsonObject> apply = path.Subresource == "scale"
            ? current => ScaleView.ApplyPatch(type, registry, current, patches.Prepare(type, contentType, raw, "Scale"))
            : current => Representation.FromClient(type, patches.Prepare(type, contentType, raw, type.Kind)(Representation.ToClient(type, current)));
        var patchOptions = path.Subresource == "scale" ? options with { Subresource = "" } : options;
        var result = writer.Patch(storageType, path.Namespace ?? "", path.Name!, patchOptions, apply);
        if (path.Subresource == "scale")
        {
            await JsonResponses.WriteAsync(context, 200, ScaleView.From(type, registry, result.Object));
            return;
        }

        await RespondAsync(context, type, result, 200);
    }

    private async Task DeleteAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var options = await DeleteOptionsAsync(context);
        var storageType = Representation.StorageType(type, registry);
        var result = writer.Delete(storageType, path.Namespace ?? "", path.Name!, options);
        if (!result.Removed || registry.IsCustom(type))
        {
            var shown = Representation.ToClient(type, result.Object);
            if (type.Plural == "namespaces")
            {
                shown["metadata"]!.AsObject().Remove("resourceVersion");
            }

            await JsonResponses.WriteAsync(context, 200, shown);
            return;
        }

        await JsonResponses.WriteAsync(context, 200,
            JsonResponses.Success(path.Name!, type.Group, type.Plural, (string?)result.Object["metadata"]?["uid"] ?? ""));
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourcePath path, ResourceType type)
    {
        var options = await DeleteOptionsAsync(context);
        var storageType = Representation.StorageType(type, registry);
        var filter = Filter(path, type, context.Request.Query);
        var deleted = new JsonArray();
        foreach (var obj in store.All(ObjectStore.StorageOf(storageType), path.Namespace).Where(filter.Matches))
        {
            try
            {
                var result = writer.Delete(storageType, obj.Namespace, obj.Name, options);
                deleted.Add(Representation.ToClient(type, result.Object));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted meanwhile.
            }
        }

        await JsonResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = store.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    private async Task GetScaleAsync(HttpContext context, ResourcePath path, ResourceType type) =>
        await JsonResponses.WriteAsync(context, 200, ScaleView.From(type, registry, Lookup(path, type).ToNode()));

    private async Task UpdateScaleAsync(HttpContext context, ResourcePath path, ResourceType type, JsonObject scale, WriteOptions options)
    {
        var requested = (string?)scale["metadata"]?["resourceVersion"];
        var current = Lookup(path, type);
        if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw ApiException.StaleObject(type.Group, type.Plural, path.Name!);
        }

        var result = writer.Patch(type, path.Namespace ?? "", path.Name!, options with { Subresource = "" },
            obj => ScaleView.ApplyReplicas(type, registry, obj, scale));
        await JsonResponses.WriteAsync(context, 200, ScaleView.From(type, registry, result.Object));
    }

    private static async Task RespondAsync(HttpContext context, ResourceType type, WriteResult result, int code)
    {
        foreach (var warning in result.Warnings)
        {
            context.Response.Headers.Append("Warning", "299 - \"" + warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        var obj = Representation.ToClient(type, result.Object);
        if (!string.IsNullOrEmpty(context.Request.Query["dryRun"]))
        {
            obj["metadata"]?.AsObject().Remove("resourceVersion");
        }

        await JsonResponses.WriteAsync(context, code, obj);
    }

    private StoredObject Lookup(ResourcePath path, ResourceType type) =>
        store.Get(ObjectStore.StorageOf(Representation.StorageType(type, registry)), path.Namespace ?? "", path.Name!)
            ?? throw ApiException.NotFound(type.Group, type.Plural, path.Name!);

    private static WatchFilter Filter(ResourcePath path, ResourceType type, IQueryCollection query) =>
        new(type.Namespaced ? path.Namespace : null,
            LabelSelector.Parse(query["labelSelector"]),
            FieldSelector.Parse(query["fieldSelector"], type));

    /// <summary>
    /// Parses an object body. Built-in kinds may omit <c>apiVersion</c> and <c>kind</c> (the URL
    /// supplies them, as kube-apiserver's decoder defaults them); custom resources may not.
    /// </summary>
    private JsonObject Decode(ResourceType type, byte[] raw, HttpRequest request)
    {
        var contentType = (request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (contentType is not ("application/json" or "" or "*/*"))
        {
            throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/json (got {contentType})");
        }

        var body = RequestBody.ParseObject(raw);
        if (!registry.IsCustom(type))
        {
            if (string.IsNullOrEmpty((string?)body["apiVersion"]))
            {
                body["apiVersion"] = type.ApiVersion;
            }

            if (string.IsNullOrEmpty((string?)body["kind"]))
            {
                body["kind"] = type.Kind;
            }
        }

        var kind = (string?)body["kind"];
        var apiVersion = (string?)body["apiVersion"];
        if (string.IsNullOrEmpty(kind))
        {
            throw ApiException.BadRequest($"Object 'Kind' is missing in '{Encoding.UTF8.GetString(raw, 0, Math.Min(raw.Length, 200))}'");
        }

        if (apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (body["metadata"] is not (JsonObject or null))
        {
            throw ApiException.BadRequest("metadata must be an object");
        }

        return body;
    }

    private static void CheckNamespace(ResourcePath path, ResourceType type, JsonObject body)
    {
        var given = (string?)body["metadata"]?["namespace"];
        if (type.Namespaced && !string.IsNullOrEmpty(given) && given != path.Namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (type.Namespaced && path.Namespace is null)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
    }

    private static async Task<Storage.DeleteOptions> DeleteOptionsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var raw = await RequestBody.ReadAsync(context);
        var body = raw.Length == 0 ? [] : RequestBody.ParseObject(raw);
        var dryRun = QueryOptions.DryRun(context.Request, "DeleteOptions")
            || (body["dryRun"] is JsonArray d && d.Any(x => (string?)x == "All"));
        return new Storage.DeleteOptions
        {
            PropagationPolicy = (string?)body["propagationPolicy"] ?? NullIfEmpty(query["propagationPolicy"].ToString()),
            PreconditionUid = (string?)body["preconditions"]?["uid"],
            PreconditionResourceVersion = (string?)body["preconditions"]?["resourceVersion"],
            DryRun = dryRun,
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static JsonObject WithoutTypeMeta(JsonObject obj)
    {
        obj.Remove("kind");
        obj.Remove("apiVersion");
        return obj;
    }
}
