using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Objects;

/// <summary>
/// Brings an object to a wanted state with the fewest writes, like controller-runtime's
/// <c>CreateOrPatch</c>:
/// <list type="number">
/// <item>read the live object (a 404 means it does not exist);</item>
/// <item>missing: apply <c>mutate</c> to the given object and create it;</item>
/// <item>present: apply <c>mutate</c> to the live object; if nothing changed, write nothing;
/// otherwise send a JSON merge patch of just the difference (fields others set are left alone).</item>
/// </list>
/// <c>mutate</c> must be idempotent and only set what the caller owns. Status is not written.
/// </summary>
public static class CreateOrPatch
{
    /// <summary>Creates or patches <paramref name="obj"/> (namespace and name taken from its metadata).</summary>
    /// <typeparam name="T">The resource type; its JSON metadata must be known to <paramref name="api"/>.</typeparam>
    /// <param name="api">The client.</param>
    /// <param name="obj">The object to create when missing (namespace and name set).</param>
    /// <param name="mutate">Sets the wanted state on the object it is given (the new or the live one).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The object as stored afterwards and what was done.</returns>
    public static async Task<(T Object, OperationResult Result)> ApplyAsync<T>(KubeApiClient api, T obj, Action<T> mutate, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(mutate);
        var client = api.For<T>();
        var info = (JsonTypeInfo<T>)api.JsonOptions.GetTypeInfo(typeof(T));
        T live;
        try
        {
            live = await client.GetAsync(obj.Metadata.Name, obj.Metadata.NamespaceProperty, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            mutate(obj);
            return (await client.CreateAsync(obj, cancellationToken), OperationResult.Created);
        }

        return await PatchDifferenceAsync(client, info, live, mutate, cancellationToken);
    }

    /// <summary>
    /// Creates or patches <paramref name="obj"/> against an <paramref name="observed"/> copy the
    /// caller already has (usually from an informer's cache), so that no read is sent: when the
    /// observed object matches, nothing at all goes to the API server. <paramref name="observed"/>
    /// is not changed (a copy is mutated). A stale cache shows up as a conflict or already-exists
    /// error, which the controller retries once the cache caught up.
    /// </summary>
    /// <typeparam name="T">The resource type; its JSON metadata must be known to <paramref name="api"/>.</typeparam>
    /// <param name="api">The client.</param>
    /// <param name="obj">The object to create when <paramref name="observed"/> is null (namespace and name set).</param>
    /// <param name="observed">The current object, or null when it does not exist.</param>
    /// <param name="mutate">Sets the wanted state on the object it is given (the new one or a copy of the observed one).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The object as stored afterwards (the observed copy when unchanged) and what was done.</returns>
    public static async Task<(T Object, OperationResult Result)> ApplyAsync<T>(
        KubeApiClient api, T obj, T? observed, Action<T> mutate, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(mutate);
        var client = api.For<T>();
        var info = (JsonTypeInfo<T>)api.JsonOptions.GetTypeInfo(typeof(T));
        if (observed is null)
        {
            mutate(obj);
            return (await client.CreateAsync(obj, cancellationToken), OperationResult.Created);
        }

        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(observed, info), info)!;
        return await PatchDifferenceAsync(client, info, copy, mutate, cancellationToken);
    }

    private static async Task<(T Object, OperationResult Result)> PatchDifferenceAsync<T>(
        IResourceClient<T> client, JsonTypeInfo<T> info, T live, Action<T> mutate, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var before = JsonSerializer.SerializeToNode(live, info)!.AsObject();
        mutate(live);
        var after = JsonSerializer.SerializeToNode(live, info)!.AsObject();
        before.Remove("status");
        after.Remove("status");
        var patch = MergePatchDiff.Create(before, after);
        if (patch.Count == 0)
        {
            return (live, OperationResult.Unchanged);
        }

        var patched = await client.PatchAsync(live.Metadata.Name, ResourcePatch.Merge(patch.ToJsonString()), live.Metadata.NamespaceProperty, cancellationToken);
        return (patched, OperationResult.Patched);
    }
}
