using k8s;
using k8s.Models;

namespace Operators.Runtime.Controllers.Predicates;

/// <summary>A predicate that lets creates and deletes through and filters updates with a function.</summary>
/// <typeparam name="T">The resource type.</typeparam>
/// <param name="update">Decides whether an update is queued.</param>
public sealed class UpdatePredicate<T>(Func<T, T, bool> update) : IPredicate<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    public bool Create(T obj) => true;

    /// <inheritdoc />
    public bool Update(T oldObj, T newObj) => update(oldObj, newObj);

    /// <inheritdoc />
    public bool Delete(T obj) => true;
}
