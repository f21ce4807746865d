using k8s;
using k8s.Models;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers.Predicates;
using Operators.WorkQueue;

namespace Operators.Runtime.Controllers.Handlers;

/// <summary>
/// Turns informer notifications into queue keys: <paramref name="map"/> says which keys an object
/// stands for (itself for <c>For</c>, its controller owner for <c>Owns</c>, anything for
/// <c>Watches</c>). Events of the initial list and of resyncs are queued at
/// <see cref="WorkQueuePriority.Low"/> so that real changes overtake them. An update enqueues the
/// keys of both the old and the new state (an owner reference may have changed).
/// </summary>
/// <typeparam name="T">The watched resource type.</typeparam>
/// <param name="queue">The controller's queue.</param>
/// <param name="map">The keys an object stands for.</param>
/// <param name="predicates">Filters; all must pass.</param>
internal sealed class EnqueueHandler<T>(IPriorityWorkQueue<ReconcileRequest> queue, Func<T, IEnumerable<ReconcileRequest>> map, IReadOnlyList<IPredicate<T>> predicates)
    : IResourceEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    public void OnAdd(T obj, bool isInInitialList)
    {
        if (predicates.All(p => p.Create(obj)))
        {
            Enqueue(map(obj), isInInitialList);
        }
    }

    /// <inheritdoc />
    public void OnUpdate(T oldObj, T newObj, bool isResync)
    {
        if (predicates.All(p => p.Update(oldObj, newObj)))
        {
            Enqueue(map(oldObj).Concat(map(newObj)).Distinct(), isResync);
        }
    }

    /// <inheritdoc />
    public void OnDelete(T obj, bool isFinalStateUnknown)
    {
        if (predicates.All(p => p.Delete(obj)))
        {
            Enqueue(map(obj), lowPriority: false);
        }
    }

    private void Enqueue(IEnumerable<ReconcileRequest> keys, bool lowPriority)
    {
        foreach (var key in keys)
        {
            if (lowPriority)
            {
                queue.Add(key, new AddOptions { Priority = WorkQueuePriority.Low });
            }
            else
            {
                queue.Add(key);
            }
        }
    }
}
