using k8s;
using k8s.Models;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Controllers;

/// <summary>
/// Adapts an <see cref="IObjectReconciler{T}"/> to the key-based <see cref="IReconciler"/>: reads the
/// object for the key from the informer's cache and calls it; a key whose object is gone is done.
/// </summary>
/// <typeparam name="T">The primary resource type.</typeparam>
/// <param name="cache">The informer of <typeparamref name="T"/>.</param>
/// <param name="inner">The typed reconciler.</param>
public sealed class CachedObjectReconciler<T>(ISharedInformer<T> cache, IObjectReconciler<T> inner) : IReconciler
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var obj = cache.Indexer.GetByKey(CacheKey.Of(request.Namespace, request.Name));
        return obj is null ? Task.FromResult(ReconcileResult.Done) : inner.ReconcileAsync(obj, cancellationToken);
    }
}
