using k8s;
using k8s.Models;

namespace Operators.Runtime.Controllers.Predicates;

/// <summary>
/// The common predicates, and their combinations.
/// <para>
/// Caveat of <see cref="GenerationChanged{T}"/> (as in controller-runtime): it drops updates that
/// touch only metadata or status, so a reconciler that also reacts to labels, annotations or
/// status must combine it with <see cref="LabelsChanged{T}"/> / <see cref="AnnotationsChanged{T}"/>
/// using <see cref="Or{T}"/>; and objects without <c>metadata.generation</c> (ConfigMaps, Secrets)
/// never pass it on update.
/// </para>
/// </summary>
public static class Predicate
{
    /// <summary>Updates pass only when <c>metadata.generation</c> changed (spec changes of most kinds).</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> GenerationChanged<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new UpdatePredicate<T>((o, n) => o.Metadata.Generation != n.Metadata.Generation);

    /// <summary>Updates pass only when the labels changed.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> LabelsChanged<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new UpdatePredicate<T>((o, n) => !SameMap(o.Metadata.Labels, n.Metadata.Labels));

    /// <summary>Updates pass only when the annotations changed.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> AnnotationsChanged<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new UpdatePredicate<T>((o, n) => !SameMap(o.Metadata.Annotations, n.Metadata.Annotations));

    /// <summary>Passes what every one of <paramref name="predicates"/> passes.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="predicates">The predicates.</param>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> And<T>(params IPredicate<T>[] predicates)
        where T : class, IKubernetesObject<V1ObjectMeta> => new Combined<T>(predicates, all: true);

    /// <summary>Passes what any of <paramref name="predicates"/> passes.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="predicates">The predicates.</param>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> Or<T>(params IPredicate<T>[] predicates)
        where T : class, IKubernetesObject<V1ObjectMeta> => new Combined<T>(predicates, all: false);

    /// <summary>Passes what <paramref name="predicate"/> drops.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The predicate.</returns>
    public static IPredicate<T> Not<T>(IPredicate<T> predicate)
        where T : class, IKubernetesObject<V1ObjectMeta> => new Negated<T>(predicate);

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        return a is null || b is null || a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    private sealed class Combined<T>(IPredicate<T>[] predicates, bool all) : IPredicate<T>
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        public bool Create(T obj) => all ? predicates.All(p => p.Create(obj)) : predicates.Any(p => p.Create(obj));

        public bool Update(T oldObj, T newObj) => all ? predicates.All(p => p.Update(oldObj, newObj)) : predicates.Any(p => p.Update(oldObj, newObj));

        public bool Delete(T obj) => all ? predicates.All(p => p.Delete(obj)) : predicates.Any(p => p.Delete(obj));
    }

    private sealed class Negated<T>(IPredicate<T> inner) : IPredicate<T>
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        public bool Create(T obj) => !inner.Create(obj);

        public bool Update(T oldObj, T newObj) => !inner.Update(oldObj, newObj);

        public bool Delete(T obj) => !inner.Delete(obj);
    }
}
