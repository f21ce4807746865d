using k8s;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// Typed access to one resource type on the API server. Every call goes through the owning
/// <see cref="KubeApiClient"/>: client-side rate limit, retries of 429/5xx/transport errors, metrics.
/// Errors surface as <see cref="KubernetesApiException"/> (409 as <see cref="KubernetesConflictException"/>,
/// 410 as <see cref="KubernetesGoneException"/>).
/// </summary>
/// <typeparam name="T">The resource type, carrying <see cref="KubernetesEntityAttribute"/>.</typeparam>
public interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Gets the resource this client talks to.</summary>
    ResourceType ResourceType { get; }

    /// <summary>Reads one object. <paramref name="namespaceName"/> is null for cluster-scoped resources.</summary>
    Task<T> GetAsync(string name, string? namespaceName = null, CancellationToken cancellationToken = default);

    /// <summary>Lists objects, in one namespace or (null) across all namespaces; one page when a limit is set.</summary>
    Task<ResourceList<T>> ListAsync(string? namespaceName = null, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches objects. The sequence ends when the server ends the watch (timeout or dropped connection); an
    /// ERROR event throws (410 Gone as <see cref="KubernetesGoneException"/>).
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? namespaceName = null, WatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the object in the namespace of its metadata.</summary>
    Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>Replaces the object (optimistic concurrency on <c>metadata.resourceVersion</c>).</summary>
    Task<T> UpdateAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>Replaces the object's <c>status</c> subresource.</summary>
    Task<T> UpdateStatusAsync(T obj, CancellationToken cancellationToken = default);

    /// <summary>Patches the object.</summary>
    Task<T> PatchAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default);

    /// <summary>Patches the object's <c>status</c> subresource.</summary>
    Task<T> PatchStatusAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; <paramref name="options"/> carries propagation policy and preconditions.</summary>
    Task DeleteAsync(string name, string? namespaceName = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default);
}
