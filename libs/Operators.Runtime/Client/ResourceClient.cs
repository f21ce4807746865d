using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>The <see cref="IResourceClient{T}"/> of <see cref="KubeApiClient"/>.</summary>
/// <typeparam name="T">The resource type.</typeparam>
internal sealed class ResourceClient<T> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubeApiClient _api;
    private readonly JsonTypeInfo<T> _info;

    public ResourceClient(KubeApiClient api, ResourceType resourceType, JsonTypeInfo<T> info)
    {
        _api = api;
        ResourceType = resourceType;
        _info = info;
    }

    public ResourceType ResourceType { get; }

    public Task<T> GetAsync(string name, string? namespaceName = null, CancellationToken cancellationToken = default) =>
        SendForObjectAsync(new ApiRequest(HttpMethod.Get, ResourceType.ItemPath(name, namespaceName)), cancellationToken);

    public async Task<ResourceList<T>> ListAsync(string? namespaceName = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("limit", options?.Limit is > 0 ? options.Limit : null)
            .Add("continue", options?.Continue);
        var request = new ApiRequest(HttpMethod.Get, ResourceType.CollectionPath(namespaceName) + query);
        using var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ApiResponses.ReadList(body, _info, ResourceType);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? namespaceName = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("watch", "true")
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("allowWatchBookmarks", options?.AllowWatchBookmarks == true ? "true" : null)
            .Add("timeoutSeconds", options?.TimeoutSeconds);
        var request = new ApiRequest(HttpMethod.Get, ResourceType.CollectionPath(namespaceName) + query, IsWatch: true);
        using var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var watchEvent in WatchStream.ReadAsync(stream, _info, ResourceType, cancellationToken).ConfigureAwait(false))
            {
                yield return watchEvent;
            }
        }
    }

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var path = ResourceType.CollectionPath(obj.Metadata?.NamespaceProperty);
        return SendForObjectAsync(new ApiRequest(HttpMethod.Post, path, Body(obj)), cancellationToken);
    }

    public Task<T> UpdateAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, null, cancellationToken);

    public Task<T> UpdateStatusAsync(T obj, CancellationToken cancellationToken = default) => PutAsync(obj, "status", cancellationToken);

    public Task<T> PatchAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default) =>
        SendPatchAsync(name, patch, namespaceName, null, cancellationToken);

    public Task<T> PatchStatusAsync(string name, ResourcePatch patch, string? namespaceName = null, CancellationToken cancellationToken = default) =>
        SendPatchAsync(name, patch, namespaceName, "status", cancellationToken);

    public async Task DeleteAsync(string name, string? namespaceName = null, V1DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? null : _api.Serialize(options);
        var request = new ApiRequest(HttpMethod.Delete, ResourceType.ItemPath(name, namespaceName), body);
        using var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private Task<T> PutAsync(T obj, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = obj.Metadata?.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        var path = ResourceType.ItemPath(name, obj.Metadata.NamespaceProperty, subresource);
        return SendForObjectAsync(new ApiRequest(HttpMethod.Put, path, Body(obj)), cancellationToken);
    }

    private Task<T> SendPatchAsync(string name, ResourcePatch patch, string? namespaceName, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var body = Encoding.UTF8.GetBytes(patch.Body);
        var request = new ApiRequest(HttpMethod.Patch, ResourceType.ItemPath(name, namespaceName, subresource), body, patch.ContentType);
        return SendForObjectAsync(request, cancellationToken);
    }

    private byte[] Body(T obj) => _api.Serialize(ApiResponses.WithTypeMeta(obj, ResourceType));

    private async Task<T> SendForObjectAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ApiResponses.ReadObject(body, _info, ResourceType);
    }
}
