using k8s;
using k8s.Models;

namespace Operators.Runtime.Controllers;

/// <summary>
/// A reconciler that receives the object itself, read from the informer cache by
/// <see cref="CachedObjectReconciler{T}"/>. It is not called for objects that no longer exist:
/// cleanup belongs in finalizers.
/// </summary>
/// <typeparam name="T">The primary resource type.</typeparam>
public interface IObjectReconciler<in T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Reconciles <paramref name="obj"/>; it is the cache's copy: never modify it, write through a client.</summary>
    /// <param name="obj">The object as cached.</param>
    /// <param name="cancellationToken">Cancelled on shutdown or timeout.</param>
    /// <returns>What to do with the key next.</returns>
    Task<ReconcileResult> ReconcileAsync(T obj, CancellationToken cancellationToken);
}
