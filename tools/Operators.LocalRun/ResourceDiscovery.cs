using System.Net;
using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>
/// Finds where a kind is served from the API server's discovery documents (<c>/api/v1</c>,
/// <c>/apis/&lt;group&gt;/&lt;version&gt;</c>), as kubectl does. A group version is read again when a
/// kind is not found in it, so a CRD created a moment ago is found.
/// </summary>
internal sealed class ResourceDiscovery(ApiHttpClient api)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, ApiResource>> _byGroupVersion = new(StringComparer.Ordinal);

    /// <summary>The API path of a group version.</summary>
    /// <param name="apiVersion">E.g. <c>v1</c> or <c>openstack.operators.dev/v1alpha1</c>.</param>
    /// <returns>E.g. <c>/api/v1</c> or <c>/apis/openstack.operators.dev/v1alpha1</c>.</returns>
    public static string GroupVersionPath(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        return apiVersion.Contains('/', StringComparison.Ordinal) ? "/apis/" + apiVersion : "/api/" + apiVersion;
    }

    /// <summary>Finds the resource that serves <paramref name="kind"/> in <paramref name="apiVersion"/>.</summary>
    /// <param name="apiVersion">The object's apiVersion.</param>
    /// <param name="kind">The object's kind.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="LaunchException">The server does not serve it.</exception>
    public async Task<ApiResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken = default)
    {
        if (_byGroupVersion.TryGetValue(apiVersion, out var known) && known.TryGetValue(kind, out var resource))
        {
            return resource;
        }

        var path = GroupVersionPath(apiVersion);
        var response = await api.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new LaunchException($"the API server does not serve {apiVersion} (is its CRD installed?)");
        }

        if (!response.IsSuccess || (response.Body as JsonObject)?["resources"] is not JsonArray resources)
        {
            throw new LaunchException($"discovery of {apiVersion} failed: {response.Describe()}");
        }

        var found = new Dictionary<string, ApiResource>(StringComparer.Ordinal);
        foreach (var entry in resources.OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValue<string>() ?? string.Empty;
            var entryKind = entry["kind"]?.GetValue<string>() ?? string.Empty;
            if (name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) && entryKind.Length > 0)
            {
                found.TryAdd(entryKind, new ApiResource(path, name, entry["namespaced"]?.GetValue<bool>() ?? false));
            }
        }

        _byGroupVersion[apiVersion] = found;
        return found.TryGetValue(kind, out resource)
            ? resource
            : throw new LaunchException($"the API server serves no kind {kind} in {apiVersion}");
    }
}
