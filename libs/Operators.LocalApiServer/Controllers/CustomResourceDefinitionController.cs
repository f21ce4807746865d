using System.Globalization;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Controllers;

/// <summary>
/// Serves what CRDs define: a stored CRD is served at once (registered in the same write that
/// stores it, so the next request finds it), then marked <c>NamesAccepted</c> and
/// <c>Established</c>; a deleted CRD stops being served and its custom resources are removed.
/// </summary>
internal sealed class CustomResourceDefinitionController(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, TimeProvider time)
{
    private const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    /// <summary>Called by the store for every committed change, under its lock: registers CRDs synchronously.</summary>
    public void OnCommitted(StoreEvent change)
    {
        if (change.Resource is not { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            return;
        }

        if (change.Type == WatchEventType.Deleted)
        {
            registry.Unregister(change.Object.Name);
        }
        else if (!change.Object.IsTerminating)
        {
            registry.Register(change.Object.ToNode());
        }
    }

    /// <summary>Keeps CRD status and cleanup up to date until <paramref name="stopping"/>.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var crds = registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        var changes = store.Subscribe();
        try
        {
            await foreach (var change in changes.ReadAllAsync(stopping))
            {
                if (change.Resource != crds)
                {
                    continue;
                }

                try
                {
                    if (change.Type == WatchEventType.Deleted)
                    {
                        RemoveCustomResources(change.Object.ToNode());
                    }
                    else if (change.Object.IsTerminating)
                    {
                        RemoveCustomResources(change.Object.ToNode());
                    }
                    else
                    {
                        Establish(crds, change.Object);
                    }
                }
                catch (ApiException)
                {
                    // Changed or gone meanwhile.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Establish(ResourceType crds, StoredObject crd)
    {
        if (!crd.Finalizers.Contains(CleanupFinalizer))
        {
            writer.Patch(crds, "", crd.Name, WriteOptions.Default, current =>
            {
                var meta = current["metadata"]!.AsObject();
                var finalizers = meta["finalizers"] as JsonArray ?? [];
                finalizers.Add(CleanupFinalizer);
                meta["finalizers"] = finalizers;
                return current;
            });
        }

        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.Patch(crds, "", crd.Name, WriteOptions.Default with { Subresource = "status" }, current =>
        {
            var spec = current["spec"]!.AsObject();
            var status = current["status"] as JsonObject ?? [];
            var conditions = status["conditions"] as JsonArray ?? [];
            var desired = new JsonObject
            {
                ["conditions"] = new JsonArray(
                    KeepOrNew(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now),
                    KeepOrNew(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
                ["acceptedNames"] = spec["names"]!.DeepClone(),
                ["storedVersions"] = new JsonArray((spec["versions"] as JsonArray ?? [])
                    .Where(v => (bool?)v?["storage"] == true)
                    .Select(v => (JsonNode)JsonValue.Create((string)v!["name"]!)).ToArray()),
            };
            current["status"] = desired;
            return current;
        });
    }

    private static JsonObject KeepOrNew(JsonArray conditions, string type, string reason, string message, string now)
    {
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type && (string?)c["status"] == "True");
        return existing is not null
            ? (JsonObject)existing.DeepClone()
            : new JsonObject { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now, ["reason"] = reason, ["message"] = message };
    }

    private void RemoveCustomResources(JsonObject crd)
    {
        var group = (string?)crd["spec"]?["group"] ?? "";
        var plural = (string?)crd["spec"]?["names"]?["plural"] ?? "";
        var storage = group + "/" + plural;
        var version = (string?)(crd["spec"]?["versions"] as JsonArray)?.FirstOrDefault()?["name"] ?? "v1";
        var fallback = new ResourceType
        {
            Group = group,
            Version = version,
            Kind = (string?)crd["spec"]?["names"]?["kind"] ?? "",
            Plural = plural,
            Singular = plural,
            Namespaced = true,
            Behavior = new CustomResourceBehavior(null, namespaced: true),
        };
        foreach (var obj in store.All(storage))
        {
            try
            {
                store.Delete(fallback, obj.Namespace, obj.Name, obj.ResourceVersion);
            }
            catch (StaleResourceVersionException)
            {
                // Changed meanwhile; the next CRD change retries.
            }
        }

        if (crd["metadata"]?["deletionTimestamp"] is not null)
        {
            var crds = registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
            writer.Patch(crds, "", (string)crd["metadata"]!["name"]!, WriteOptions.Default, current =>
            {
                if (current["metadata"]?["finalizers"] is JsonArray finalizers)
                {
                    foreach (var f in finalizers.Where(f => (string?)f == CleanupFinalizer).ToList())
                    {
                        finalizers.Remove(f);
                    }
                }

                return current;
            });
        }
    }
}
