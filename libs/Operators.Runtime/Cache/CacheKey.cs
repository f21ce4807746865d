using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>Cache keys: <c>namespace/name</c> for namespaced objects, <c>name</c> for cluster-scoped ones.</summary>
public static class CacheKey
{
    /// <summary>The key of an object.</summary>
    /// <exception cref="ArgumentException">The object has no name.</exception>
    public static string For(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = obj.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        }

        return Of(obj.Metadata!.NamespaceProperty, name);
    }

    /// <summary>The key of a namespace and name.</summary>
    public static string Of(string? namespaceName, string name) =>
        string.IsNullOrEmpty(namespaceName) ? name : namespaceName + "/" + name;

    /// <summary>Splits a key into namespace (null for cluster-scoped) and name.</summary>
    public static (string? Namespace, string Name) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }
}
