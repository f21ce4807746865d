using k8s;
using k8s.Models;

namespace Operators.Runtime.Objects;

/// <summary>
/// Finalizers on an object's metadata. A controller adds its finalizer before it creates anything
/// outside the object, cleans up once <c>deletionTimestamp</c> is set, then removes the finalizer
/// so the deletion completes. Pure: the caller writes the object.
/// </summary>
public static class Finalizers
{
    /// <summary>Whether <paramref name="obj"/> carries <paramref name="finalizer"/>.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="finalizer">The finalizer, e.g. <c>openstack.operators.dev/cleanup</c>.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.Finalizers?.Contains(finalizer, StringComparer.Ordinal) == true;
    }

    /// <summary>Adds <paramref name="finalizer"/> unless present.</summary>
    /// <param name="obj">The object to change.</param>
    /// <param name="finalizer">A qualified name, e.g. <c>openstack.operators.dev/cleanup</c>.</param>
    /// <returns><see langword="true"/> when it was added (so the object needs writing).</returns>
    /// <exception cref="ArgumentException"><paramref name="finalizer"/> is not a qualified name.</exception>
    public static bool Add(IKubernetesObject<V1ObjectMeta> obj, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (QualifiedNames.Check(finalizer) is { } error)
        {
            throw new ArgumentException($"Invalid finalizer '{finalizer}': {error}.", nameof(finalizer));
        }

        if (Has(obj, finalizer))
        {
            return false;
        }

        obj.Metadata ??= new V1ObjectMeta();
        // A new list, never Add: the existing one may be a cached object's fixed-size array.
        obj.Metadata.Finalizers = [.. obj.Metadata.Finalizers ?? [], finalizer];
        return true;
    }

    /// <summary>Removes every occurrence of <paramref name="finalizer"/>.</summary>
    /// <param name="obj">The object to change.</param>
    /// <param name="finalizer">The finalizer.</param>
    /// <returns><see langword="true"/> when one was removed (so the object needs writing).</returns>
    public static bool Remove(IKubernetesObject<V1ObjectMeta> obj, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!Has(obj, finalizer))
        {
            return false;
        }

        obj.Metadata.Finalizers = obj.Metadata.Finalizers.Where(f => !string.Equals(f, finalizer, StringComparison.Ordinal)).ToList();
        return true;
    }
}
