using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>Transforms applied to objects before they are cached, to save memory.</summary>
public static class ObjectTransforms
{
    /// <summary>Drops <c>metadata.managedFields</c>, which controllers rarely read and which often outweighs the object. The default.</summary>
    public static T DropManagedFields<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (obj?.Metadata is { ManagedFields: not null } meta)
        {
            meta.ManagedFields = null;
        }

        return obj!;
    }

    /// <summary>Keeps the object as it is.</summary>
    public static T None<T>(T obj) => obj;
}
