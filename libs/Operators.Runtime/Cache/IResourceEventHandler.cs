using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// Receives notifications from a <see cref="ISharedInformer{T}"/>, in order, on the informer's thread for this
/// handler (one handler never blocks another). Controllers turn them into queue keys; they do not reconcile here.
/// Objects are shared with the cache: never modify them.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "client-go's name for informer handlers.")]
public interface IResourceEventHandler<in T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>An object appeared.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="isInInitialList">True for objects of the first list (or present when the handler was added), so they can be queued at low priority.</param>
    void OnAdd(T obj, bool isInInitialList);

    /// <summary>An object changed, or (<paramref name="isResync"/>) the periodic resync hands it over again unchanged.</summary>
    /// <param name="oldObj">The previous state.</param>
    /// <param name="newObj">The new state.</param>
    /// <param name="isResync">True when this is a resync from the cache (no change on the server), so it can be queued at low priority.</param>
    void OnUpdate(T oldObj, T newObj, bool isResync);

    /// <summary>An object is gone.</summary>
    /// <param name="obj">Its last known state.</param>
    /// <param name="isFinalStateUnknown">
    /// True for a tombstone: the delete was missed while disconnected and noticed on a relist, so
    /// <paramref name="obj"/> may be older than the object's final state.
    /// </param>
    void OnDelete(T obj, bool isFinalStateUnknown);
}
