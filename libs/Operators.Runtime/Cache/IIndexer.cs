using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// A read view of a thread-safe object cache keyed <c>namespace/name</c>, with indexes. Objects handed out are
/// shared with the cache and other readers: never modify them; copy first.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IIndexer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Gets the number of cached objects.</summary>
    int Count { get; }

    /// <summary>Returns the object with a key (see <see cref="CacheKey"/>), or null.</summary>
    T? GetByKey(string key);

    /// <summary>Returns every cached object.</summary>
    IReadOnlyList<T> List();

    /// <summary>Returns every key.</summary>
    IReadOnlyList<string> ListKeys();

    /// <summary>Returns the objects whose index function produced <paramref name="indexedValue"/>.</summary>
    /// <exception cref="ArgumentException">No index has that name.</exception>
    IReadOnlyList<T> ByIndex(string indexName, string indexedValue);

    /// <summary>Adds an index; existing objects are indexed at once.</summary>
    /// <exception cref="ArgumentException">An index with that name exists.</exception>
    void AddIndex(string indexName, Func<T, IEnumerable<string>> indexFunction);
}
