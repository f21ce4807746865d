using System.Text.Json.Nodes;
using Operators.LocalRun;

namespace Operators.Reliability.Tests.BadInput;

/// <summary>
/// The <c>resourceVersion</c> and <c>generation</c> of every object of the kinds the operators read or write
/// in one namespace, keyed <c>resource/name</c>: two readings tell which objects were written in between.
/// </summary>
internal static class ObjectVersions
{
    private static readonly string[] Collections =
    [
        "/apis/openstack.operators.dev/v1alpha1/namespaces/{0}/buildingblocks",
        "/apis/openstack.operators.dev/v1alpha1/namespaces/{0}/novaagents",
        "/apis/openstack.operators.dev/v1alpha1/namespaces/{0}/maintenancenotifiers",
        "/apis/apps/v1/namespaces/{0}/deployments",
        "/api/v1/namespaces/{0}/configmaps",
        "/api/v1/namespaces/{0}/secrets",
    ];

    /// <summary>Reads every object's versions.</summary>
    /// <param name="api">The API.</param>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns><c>resource/name</c> → <c>resourceVersion/generation</c>.</returns>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(ApiHttpClient api, string namespaceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in Collections)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, namespaceName);
            var response = await api.GetAsync(path, cancellationToken);
            if (!response.IsSuccess)
            {
                throw new InvalidOperationException($"cannot list {path}: {response.Describe()}");
            }

            foreach (var item in (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var metadata = item["metadata"]!;
                versions[path[(path.LastIndexOf('/') + 1)..] + "/" + metadata["name"]!.GetValue<string>()] =
                    metadata["resourceVersion"]?.GetValue<string>() + "/" + metadata["generation"]?.ToJsonString();
            }
        }

        return versions;
    }

    /// <summary>The keys whose versions differ between two readings, or that only one has.</summary>
    /// <param name="before">The first reading.</param>
    /// <param name="after">The second reading.</param>
    /// <returns>One line per changed object.</returns>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "absent"} -> {after.GetValueOrDefault(k) ?? "absent"}")];
    }
}
