using k8s;
using k8s.Models;

namespace Operators.Runtime.Controllers.Predicates;

/// <summary>
/// Filters the events that reach a controller's queue. Returning false drops the event; the
/// object is still cached. Predicates see the cached objects: never modify them.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IPredicate<in T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Whether an added object is queued.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>True to queue.</returns>
    bool Create(T obj);

    /// <summary>Whether a change is queued.</summary>
    /// <param name="oldObj">The previous state.</param>
    /// <param name="newObj">The new state.</param>
    /// <returns>True to queue.</returns>
    bool Update(T oldObj, T newObj);

    /// <summary>Whether a deletion is queued.</summary>
    /// <param name="obj">The last known state.</param>
    /// <returns>True to queue.</returns>
    bool Delete(T obj);
}
