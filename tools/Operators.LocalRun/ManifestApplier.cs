using System.Net;
using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>
/// Applies manifests through the API, like a client-side <c>kubectl apply</c> without the
/// last-applied annotation: create, and when the object exists, a merge patch of the manifest (which
/// adds and changes fields but never removes any). No kubectl needed.
/// </summary>
internal sealed class ManifestApplier(ApiHttpClient api)
{
    private readonly ResourceDiscovery _discovery = new(api);

    /// <summary>Applies each object in order.</summary>
    /// <param name="manifests">The objects.</param>
    /// <param name="cancellationToken">Cancels the rest.</param>
    /// <returns>What was applied.</returns>
    /// <exception cref="LaunchException">An object was refused; the message names it and the server's reason.</exception>
    public async Task<IReadOnlyList<AppliedObject>> ApplyAllAsync(IEnumerable<JsonObject> manifests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var applied = new List<AppliedObject>();
        foreach (var manifest in manifests)
        {
            applied.Add(await ApplyAsync(manifest, cancellationToken));
        }

        return applied;
    }

    /// <summary>Applies one object.</summary>
    /// <param name="manifest">The object (apiVersion, kind, metadata.name, ...).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was applied.</returns>
    /// <exception cref="LaunchException">The object is incomplete or was refused.</exception>
    public async Task<AppliedObject> ApplyAsync(JsonObject manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var apiVersion = Text(manifest, "apiVersion");
        var kind = Text(manifest, "kind");
        var name = manifest["metadata"]?["name"]?.GetValue<string>();
        if (apiVersion is null || kind is null || name is null)
        {
            throw new LaunchException("a manifest lacks apiVersion, kind or metadata.name");
        }

        var resource = await _discovery.ResolveAsync(apiVersion, kind, cancellationToken);
        var ns = resource.Namespaced ? manifest["metadata"]?["namespace"]?.GetValue<string>() ?? "default" : null;
        var created = await api.CreateAsync(resource.CollectionPath(ns), manifest, cancellationToken);
        if (created.IsSuccess)
        {
            return new AppliedObject(resource.Plural, ns, name, Created: true);
        }

        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            throw new LaunchException($"cannot create {resource.Plural}/{name}: {created.Describe()}");
        }

        var patch = (JsonObject)manifest.DeepClone();
        patch.Remove("status");
        var patched = await api.MergePatchAsync(resource.ObjectPath(ns, name), patch, cancellationToken);
        return patched.IsSuccess
            ? new AppliedObject(resource.Plural, ns, name, Created: false)
            : throw new LaunchException($"cannot update {resource.Plural}/{name}: {patched.Describe()}");
    }

    private static string? Text(JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
