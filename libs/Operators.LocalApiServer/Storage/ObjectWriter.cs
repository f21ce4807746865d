using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// The semantics of writes, shared by the HTTP API and the simulated controllers: server-set
/// metadata, generateName, generation rules, status isolation, defaulting, validation, unknown
/// fields, optimistic concurrency, no-op detection, finalizers and deletion.
/// </summary>
internal sealed class ObjectWriter(ObjectStore store, ResourceRegistry registry, TimeProvider time)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int MaxGeneratedPrefix = 58;

    /// <summary>Creates an object (POST).</summary>
    public WriteResult Create(ResourceType type, string ns, JsonObject obj, WriteOptions options)
    {
        var warnings = CheckUnknownFields(type, obj, options);
        var meta = Metadata(obj);
        if (type.Namespaced)
        {
            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        if (string.IsNullOrEmpty((string?)meta["name"]) && meta["generateName"] is JsonValue prefix)
        {
            meta["name"] = GenerateName((string)prefix!);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Timestamp();
        foreach (var serverField in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink" })
        {
            meta.Remove(serverField);
        }

        SetGeneration(type, meta, 1);
        DropEmptyMetadataCollections(meta);
        if (type.HasStatus && type.Group != "apiextensions.k8s.io")
        {
            obj.Remove("status");
        }

        type.Behavior.ApplyDefaults(obj);
        Validate(type, obj, null);
        if (type.Namespaced)
        {
            RequireActiveNamespace(ns);
        }

        if (options.DryRun)
        {
            meta.Remove("resourceVersion");
            return new WriteResult(obj, true, warnings);
        }

        var stored = store.Create(type, obj);
        return new WriteResult(stored.ToNode(), true, warnings);
    }

    /// <summary>Replaces an object (PUT), or its status or scale.</summary>
    public WriteResult Update(ResourceType type, string ns, string name, JsonObject body, WriteOptions options)
    {
        var warnings = CheckUnknownFields(type, body, options);
        var requested = (string?)Metadata(body)["resourceVersion"];
        if (string.IsNullOrEmpty(requested) && RequiresResourceVersionOnUpdate(type) && store.Get(ObjectStore.StorageOf(type), ns, name) is not null)
        {
            throw ApiException.Invalid(type.Group, type.Plural, name,
                [new StatusCause("FieldValueInvalid", "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }

        var result = Apply(type, ns, name, requested, options, current => Merge(type, current, body, options.Subresource));
        if (result is null)
        {
            if (!AllowsCreateOnUpdate(type) || options.Subresource.Length > 0)
            {
                throw ApiException.NotFound(type.Group, type.Plural, name);
            }

            return Create(type, ns, body, options);
        }

        return result with { Warnings = warnings };
    }

    /// <summary>Changes an object by a function of its current state (PATCH and controllers).</summary>
    public WriteResult Patch(ResourceType type, string ns, string name, WriteOptions options, Func<JsonObject, JsonObject> patch)
    {
        var warnings = new List<string>();
        var result = Apply(type, ns, name, null, options, current =>
        {
            var patched = patch(current.ToNode());
            try
            {
                warnings.AddRange(CheckUnknownFields(type, patched, options));
            }
            catch (ApiException strict) when (strict.Code == 400)
            {
                var detail = strict.Message[(strict.Message.IndexOf("strict decoding error", StringComparison.Ordinal))..];
                throw new ApiException(422, "Invalid", "error: " + detail,
                    new StatusDetails { Causes = [new StatusCause("FieldValueInvalid", "patch", detail)] });
            }

            return Merge(type, current, patched, options.Subresource);
        }, fromPatch: true) ?? throw ApiException.NotFound(type.Group, type.Plural, name);
        return result with { Warnings = warnings };
    }

    /// <summary>Deletes an object, or marks it for deletion while finalizers remain.</summary>
    public DeleteResult Delete(ResourceType type, string ns, string name, DeleteOptions options)
    {
        while (true)
        {
            var current = store.Get(ObjectStore.StorageOf(type), ns, name)
                ?? throw ApiException.NotFound(type.Group, type.Plural, name);
            CheckPreconditions(type, current, options);
            var obj = current.ToNode();
            if (current.IsTerminating)
            {
                return new DeleteResult(obj, Removed: false);
            }

            var added = options.PropagationPolicy switch
            {
                "Foreground" => "foregroundDeletion",
                "Orphan" => "orphan",
                null or "" or "Background" => null,
                var other => throw ApiException.Invalid("meta.k8s.io", "DeleteOptions", "",
                    [new StatusCause("FieldValueNotSupported", "propagationPolicy", $"Unsupported value: \"{other}\": supported values: \"Foreground\", \"Background\", \"Orphan\"")]),
            };
            var graceful = current.Finalizers.Count > 0 || added is not null || type.Plural == "namespaces";
            try
            {
                if (!graceful)
                {
                    if (options.DryRun)
                    {
                        return new DeleteResult(obj, Removed: true);
                    }

                    return new DeleteResult(store.Delete(type, ns, name, current.ResourceVersion).ToNode(), Removed: true);
                }

                var meta = Metadata(obj);
                meta["deletionTimestamp"] = Timestamp();
                if (type.Plural != "namespaces")
                {
                    meta["deletionGracePeriodSeconds"] = 0;
                }

                if (added is not null && !current.Finalizers.Contains(added))
                {
                    var finalizers = meta["finalizers"] as JsonArray ?? [];
                    finalizers.Add(added);
                    meta["finalizers"] = finalizers;
                }

                if (type.Plural == "namespaces")
                {
                    obj["status"] = new JsonObject { ["phase"] = "Terminating" };
                }

                if (type.Behavior.TracksGeneration && registry.IsCustom(type))
                {
                    SetGeneration(type, meta, ((long?)meta["generation"] ?? 0) + 1);
                }

                if (options.DryRun)
                {
                    return new DeleteResult(obj, Removed: false);
                }

                return new DeleteResult(store.Update(type, obj, current.ResourceVersion).ToNode(), Removed: false);
            }
            catch (StaleResourceVersionException) when (options.PreconditionResourceVersion is null)
            {
                // Changed between read and write: look again.
            }
        }
    }

    /// <summary>Removes a terminating object whose cleanup is done, whatever its finalizers (namespace and CRD cleanup).</summary>
    public void Remove(ResourceType type, string ns, string name)
    {
        while (store.Get(ObjectStore.StorageOf(type), ns, name) is { } current)
        {
            try
            {
                store.Delete(type, ns, name, current.ResourceVersion);
                return;
            }
            catch (StaleResourceVersionException)
            {
                // Changed meanwhile: look again.
            }
        }
    }

    private WriteResult? Apply(ResourceType type, string ns, string name, string? requestedVersion, WriteOptions options,
        Func<StoredObject, JsonObject> change, bool fromPatch = false)
    {
        long? expected = null;
        if (!string.IsNullOrEmpty(requestedVersion))
        {
            expected = long.TryParse(requestedVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiException.Internal($"invalid resource version: {requestedVersion}");
        }

        while (true)
        {
            var current = store.Get(ObjectStore.StorageOf(type), ns, name);
            if (current is null)
            {
                return null;
            }

            if (expected is not null && expected != current.ResourceVersion)
            {
                throw ApiException.StaleObject(type.Group, type.Plural, name);
            }

            var next = change(current);
            var patchedVersion = (string?)Metadata(next)["resourceVersion"];
            if (fromPatch && !string.IsNullOrEmpty(patchedVersion) && patchedVersion != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleObject(type.Group, type.Plural, name);
            }

            var before = current.ToNode();
            Metadata(next)["resourceVersion"] = Metadata(before)["resourceVersion"]?.DeepClone();
            if (JsonNode.DeepEquals(next, before))
            {
                return new WriteResult(before, false, []);
            }

            if (type.Behavior.TracksGeneration && GenerationInputsChanged(type, before, next))
            {
                SetGeneration(type, Metadata(next), ((long?)Metadata(before)["generation"] ?? 0) + 1);
            }

            Validate(type, next, before);
            if (options.DryRun)
            {
                return new WriteResult(next, false, []);
            }

            try
            {
                var finished = Metadata(next)["deletionTimestamp"] is not null
                    && (Metadata(next)["finalizers"] as JsonArray ?? []).Count == 0
                    && !(type.Plural == "namespaces" && next["spec"]?["finalizers"] is JsonArray { Count: > 0 });
                if (finished)
                {
                    var removed = store.Delete(type, ns, name, current.ResourceVersion);
                    Metadata(next)["resourceVersion"] = Metadata(removed.ToNode())["resourceVersion"]?.DeepClone();
                    return new WriteResult(next, false, []);
                }

                return new WriteResult(store.Update(type, next, current.ResourceVersion).ToNode(), false, []);
            }
            catch (StaleResourceVersionException) when (expected is null)
            {
                // Unconditional write raced with another: recompute from the new state.
            }
            catch (StaleResourceVersionException)
            {
                throw ApiException.StaleObject(type.Group, type.Plural, name);
            }
        }
    }

    /// <summary>The next state: the body, with server-owned metadata kept and status isolated by subresource.</summary>
    private static JsonObject Merge(ResourceType type, StoredObject current, JsonObject body, string subresource)
    {
        var old = current.ToNode();
        JsonObject next;
        if (subresource == "status")
        {
            next = old;
            if (body["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
            else
            {
                next.Remove("status");
            }
        }
        else
        {
            next = (JsonObject)body.DeepClone();
            if (type.HasStatus)
            {
                if (old["status"] is { } status)
                {
                    next["status"] = status.DeepClone();
                }
                else
                {
                    next.Remove("status");
                }
            }
        }

        next["apiVersion"] = old["apiVersion"]?.DeepClone();
        next["kind"] = old["kind"]?.DeepClone();
        var meta = Metadata(next);
        var oldMeta = Metadata(old);
        foreach (var kept in new[] { "name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            if (oldMeta[kept] is { } value)
            {
                meta[kept] = value.DeepClone();
            }
            else
            {
                meta.Remove(kept);
            }
        }

        meta.Remove("managedFields");
        meta.Remove("selfLink");
        if (type is { Group: "", Plural: "namespaces" } && old["spec"] is { } namespaceSpec)
        {
            next["spec"] = namespaceSpec.DeepClone();
        }

        DropEmptyMetadataCollections(meta);
        type.Behavior.ApplyDefaults(next);
        return next;
    }

    private List<string> CheckUnknownFields(ResourceType type, JsonObject obj, WriteOptions options)
    {
        var unknown = registry.PruneUnknownFields(type, obj);
        if (unknown.Count == 0 || options.FieldValidation == "Ignore")
        {
            return [];
        }

        if (options.FieldValidation == "Strict")
        {
            var version = type.Version;
            var list = string.Join(", ", unknown.Select(f => $"unknown field \"{f}\""));
            throw ApiException.BadRequest($"{type.Kind} in version \"{version}\" cannot be handled as a {type.Kind}: strict decoding error: {list}");
        }

        return unknown.Select(f => $"unknown field \"{f}\"").ToList();
    }

    private static void Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var causes = type.Behavior.Validate(obj, old);
        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type.Group, type.Kind, (string?)Metadata(obj)["name"] ?? "", causes);
        }
    }

    private void RequireActiveNamespace(string ns)
    {
        var namespaces = registry.Find("", "v1", "namespaces")!;
        var found = store.Get(ObjectStore.StorageOf(namespaces), "", ns) ?? throw ApiException.NotFound("", "namespaces", ns);
        if (found.IsTerminating)
        {
            throw new ApiException(403, "Forbidden",
                $"unable to create new content in namespace {ns} because it is being terminated",
                new StatusDetails { Name = ns, Kind = "namespaces" });
        }
    }

    private static void CheckPreconditions(ResourceType type, StoredObject current, DeleteOptions options)
    {
        var uidMismatch = options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid;
        var rvMismatch = options.PreconditionResourceVersion is { Length: > 0 } rv
            && rv != current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (uidMismatch || rvMismatch)
        {
            var what = uidMismatch
                ? $"Precondition failed: UID in precondition: {options.PreconditionUid}, UID in object meta: {current.Uid}"
                : $"Precondition failed: ResourceVersion in precondition: {options.PreconditionResourceVersion}, ResourceVersion in object meta: {current.ResourceVersion}";
            throw new ApiException(409, "Conflict",
                $"Operation cannot be fulfilled on {type.Plural} \"{current.Name}\": {what}",
                new StatusDetails { Name = current.Name, Group = type.Group, Kind = type.Kind });
        }
    }

    private static void DropEmptyMetadataCollections(JsonObject meta)
    {
        foreach (var key in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
        {
            if (meta[key] is JsonObject { Count: 0 } or JsonArray { Count: 0 } or null && meta.ContainsKey(key))
            {
                meta.Remove(key);
            }
        }
    }

    /// <summary>
    /// Whether a change bumps <c>metadata.generation</c>: anything outside metadata and status,
    /// and for Deployments also their annotations (as kube-apiserver's Deployment strategy does).
    /// </summary>
    private static bool GenerationInputsChanged(ResourceType type, JsonObject before, JsonObject after)
    {
        if (type is { Group: "apps", Plural: "deployments" }
            && !JsonNode.DeepEquals(before["metadata"]?["annotations"], after["metadata"]?["annotations"]))
        {
            return true;
        }

        return SpecChanged(before, after);
    }

    private static bool SpecChanged(JsonObject before, JsonObject after)
    {
        static JsonObject WithoutMetaAndStatus(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            copy.Remove("metadata");
            copy.Remove("status");
            return copy;
        }

        return !JsonNode.DeepEquals(WithoutMetaAndStatus(before), WithoutMetaAndStatus(after));
    }

    private static void SetGeneration(ResourceType type, JsonObject meta, long generation)
    {
        if (type.Behavior.TracksGeneration)
        {
            meta["generation"] = generation;
        }
        else
        {
            meta.Remove("generation");
        }
    }

    private bool RequiresResourceVersionOnUpdate(ResourceType type) => registry.IsCustom(type) || type.Plural == "leases";

    private static bool AllowsCreateOnUpdate(ResourceType type) => type.Plural is "leases" or "events";

    private static string GenerateName(string prefix)
    {
        if (prefix.Length > MaxGeneratedPrefix)
        {
            prefix = prefix[..MaxGeneratedPrefix];
        }

        return prefix + string.Create(5, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[Random.Shared.Next(NameAlphabet.Length)];
            }
        });
    }

    private string Timestamp() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject meta)
        {
            meta = [];
            obj["metadata"] = meta;
        }

        return meta;
    }
}
