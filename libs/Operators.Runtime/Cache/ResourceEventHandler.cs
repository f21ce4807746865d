using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>An <see cref="IResourceEventHandler{T}"/> made of delegates; a missing delegate ignores that notification.</summary>
/// <typeparam name="T">The resource type.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "client-go's name for informer handlers.")]
public sealed class ResourceEventHandler<T> : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Gets the add callback: (object, isInInitialList).</summary>
    public Action<T, bool>? Added { get; init; }

    /// <summary>Gets the update callback: (old, new, isResync).</summary>
    public Action<T, T, bool>? Updated { get; init; }

    /// <summary>Gets the delete callback: (last known state, isFinalStateUnknown).</summary>
    public Action<T, bool>? Deleted { get; init; }

    /// <inheritdoc />
    public void OnAdd(T obj, bool isInInitialList) => Added?.Invoke(obj, isInInitialList);

    /// <inheritdoc />
    public void OnUpdate(T oldObj, T newObj, bool isResync) => Updated?.Invoke(oldObj, newObj, isResync);

    /// <inheritdoc />
    public void OnDelete(T obj, bool isFinalStateUnknown) => Deleted?.Invoke(obj, isFinalStateUnknown);
}
