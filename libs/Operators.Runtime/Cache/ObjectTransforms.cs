using System.Text.Json;
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

    /// <summary>
    /// Returns a new transform (give each informer its own) that drops <c>metadata.managedFields</c> and then
    /// shares what cached objects hold the same: strings (apiVersion, kind, namespace, names, label keys and
    /// values, owner references, images, condition types and reasons…), resource quantities and small maps
    /// (labels, annotations, selectors, requests), from a pool of the transform's own that stays small and
    /// goes away with it. Small maps become read-only (changing one throws <see cref="NotSupportedException"/>),
    /// and lists of conditions, owner references and strings become arrays; the object still serializes to
    /// the same JSON. The walk uses the JSON metadata of <paramref name="options"/> (no reflection).
    /// <see cref="SharedInformerFactory"/> uses it unless <see cref="SharedInformerOptions.CompactObjects"/> is off.
    /// </summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="options">JSON options that know <typeparamref name="T"/> (e.g. <see cref="Client.KubeApiClient.JsonOptions"/>).</param>
    public static Func<T, T> DropManagedFieldsAndShare<T>(JsonSerializerOptions options)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(options);
        var compactor = new ObjectCompactor<T>(options);
        return obj => compactor.Compact(DropManagedFields(obj));
    }
}
