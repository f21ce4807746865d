using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Controllers;

/// <summary>
/// The simulated garbage collector and namespace cleanup, driven by store changes:
/// <list type="number">
/// <item>an object none of whose owners exist any more is deleted (background propagation);</item>
/// <item>an owner being deleted with <c>foregroundDeletion</c> has its dependents deleted, and
/// loses the finalizer once none remain;</item>
/// <item>an owner being deleted with <c>orphan</c> has its reference removed from every dependent,
/// then loses the finalizer;</item>
/// <item>a terminating namespace has all its content deleted, then is removed.</item>
/// </list>
/// </summary>
internal sealed class GarbageCollector(ObjectStore store, ResourceRegistry registry, ObjectWriter writer)
{
    private const string Foreground = "foregroundDeletion";
    private const string Orphan = "orphan";

    /// <summary>Reacts to changes until <paramref name="stopping"/>.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var changes = store.Subscribe();
        try
        {
            await foreach (var change in changes.ReadAllAsync(stopping))
            {
                try
                {
                    Handle(change);
                }
                catch (ApiException)
                {
                    // The object changed or went away meanwhile; a later change brings it back here.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Handle(StoreEvent change)
    {
        var obj = change.Object;
        if (change.Type == WatchEventType.Deleted)
        {
            foreach (var (storage, dependent) in store.Dependents(obj.Uid))
            {
                CollectIfOrphaned(storage, dependent);
            }

            foreach (var ownerUid in obj.OwnerUids)
            {
                if (store.GetByUid(ownerUid) is { } owner && owner.Object.Finalizers.Contains(Foreground))
                {
                    FinishForeground(owner.Storage, owner.Object);
                }
            }

            if (obj.Namespace.Length > 0)
            {
                CleanNamespace(obj.Namespace);
            }

            return;
        }

        var storageName = ObjectStore.StorageOf(change.Resource);
        CollectIfOrphaned(storageName, obj);
        if (obj.IsTerminating && obj.Finalizers.Contains(Foreground))
        {
            FinishForeground(storageName, obj);
        }

        if (obj.IsTerminating && obj.Finalizers.Contains(Orphan))
        {
            OrphanDependents(storageName, obj);
        }

        if (change.Resource.Plural == "namespaces" && change.Resource.Group.Length == 0 && obj.IsTerminating)
        {
            CleanNamespace(obj.Name);
        }
    }

    private void CollectIfOrphaned(string storage, StoredObject obj)
    {
        if (obj.OwnerUids.Count == 0 || obj.IsTerminating || obj.OwnerUids.Any(uid => store.GetByUid(uid) is not null))
        {
            return;
        }

        if (TypeOf(storage) is { } type)
        {
            writer.Delete(type, obj.Namespace, obj.Name, new DeleteOptions { PropagationPolicy = "Background" });
        }
    }

    private void FinishForeground(string storage, StoredObject owner)
    {
        var dependents = store.Dependents(owner.Uid);
        foreach (var (depStorage, dependent) in dependents.Where(d => !d.Object.IsTerminating))
        {
            if (TypeOf(depStorage) is { } depType)
            {
                writer.Delete(depType, dependent.Namespace, dependent.Name, new DeleteOptions { PropagationPolicy = "Foreground" });
            }
        }

        if (dependents.Count == 0)
        {
            RemoveFinalizer(storage, owner, Foreground);
        }
    }

    private void OrphanDependents(string storage, StoredObject owner)
    {
        foreach (var (depStorage, dependent) in store.Dependents(owner.Uid))
        {
            if (TypeOf(depStorage) is not { } depType)
            {
                continue;
            }

            writer.Patch(depType, dependent.Namespace, dependent.Name, WriteOptions.Default, obj =>
            {
                if (obj["metadata"]?["ownerReferences"] is JsonArray refs)
                {
                    foreach (var r in refs.Where(r => (string?)r?["uid"] == owner.Uid).ToList())
                    {
                        refs.Remove(r);
                    }

                    if (refs.Count == 0)
                    {
                        obj["metadata"]!.AsObject().Remove("ownerReferences");
                    }
                }

                return obj;
            });
        }

        RemoveFinalizer(storage, owner, Orphan);
    }

    private void RemoveFinalizer(string storage, StoredObject obj, string finalizer)
    {
        if (TypeOf(storage) is not { } type)
        {
            return;
        }

        writer.Patch(type, obj.Namespace, obj.Name, WriteOptions.Default, current =>
        {
            if (current["metadata"]?["finalizers"] is JsonArray list)
            {
                foreach (var item in list.Where(f => (string?)f == finalizer).ToList())
                {
                    list.Remove(item);
                }

                if (list.Count == 0)
                {
                    current["metadata"]!.AsObject().Remove("finalizers");
                }
            }

            return current;
        });
    }

    private void CleanNamespace(string ns)
    {
        var namespaces = registry.Find("", "v1", "namespaces")!;
        var nsObject = store.Get(ObjectStore.StorageOf(namespaces), "", ns);
        if (nsObject is null || !nsObject.IsTerminating)
        {
            return;
        }

        var remaining = 0;
        foreach (var storage in store.Storages())
        {
            if (TypeOf(storage) is not { Namespaced: true } type)
            {
                continue;
            }

            foreach (var obj in store.All(storage, ns))
            {
                remaining++;
                if (!obj.IsTerminating)
                {
                    writer.Delete(type, obj.Namespace, obj.Name, new DeleteOptions { PropagationPolicy = "Background" });
                }
            }
        }

        if (remaining == 0)
        {
            writer.Remove(namespaces, "", ns);
        }
    }

    private ResourceType? TypeOf(string storage) =>
        registry.All.FirstOrDefault(t => ObjectStore.StorageOf(t) == storage && !(t.Group == "events.k8s.io"));
}
