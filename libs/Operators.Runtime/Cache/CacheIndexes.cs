using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>The indexes every <see cref="Indexer{T}"/> keeps, and their index functions.</summary>
public static class CacheIndexes
{
    /// <summary>The index of objects by <c>metadata.namespace</c>.</summary>
    public const string Namespace = "namespace";

    /// <summary>The index of objects by the UID of their controller owner (the owner reference with <c>controller: true</c>).</summary>
    public const string ControllerUid = "controller-uid";

    /// <summary>Indexes an object by its namespace (cluster-scoped objects are not indexed).</summary>
    public static IEnumerable<string> ByNamespace(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.NamespaceProperty is { Length: > 0 } ns ? [ns] : [];
    }

    /// <summary>Indexes an object by the UID of its controller owner, if it has one.</summary>
    public static IEnumerable<string> ByControllerUid(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ControllerUidOf(obj) is { } uid ? [uid] : [];
    }

    /// <summary>The UID of the controller owner, or null.</summary>
    internal static string? ControllerUidOf(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (obj.Metadata?.OwnerReferences is not { } owners)
        {
            return null;
        }

        foreach (var owner in owners)
        {
            if (owner.Controller == true && !string.IsNullOrEmpty(owner.Uid))
            {
                return owner.Uid;
            }
        }

        return null;
    }
}
