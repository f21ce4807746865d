using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// Builds the legacy discovery documents from the served resources (built-ins and those of CRDs):
/// <c>/api</c> (APIVersions), <c>/api/v1</c> and <c>/apis/{group}/{version}</c> (APIResourceList),
/// <c>/apis</c> (APIGroupList) and <c>/apis/{group}</c> (APIGroup), as kube-apiserver writes them.
/// </summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    /// <summary>
    /// <c>/api</c>: the core group's versions; with <paramref name="serverAddress"/> (host:port) also
    /// <c>serverAddressByClientCIDRs</c> for every client.
    /// </summary>
    public static JsonObject ApiVersions(string? serverAddress = null)
    {
        var document = new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") };
        if (serverAddress is not null)
        {
            document["serverAddressByClientCIDRs"] = new JsonArray(
                new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress });
        }

        return document;
    }

    /// <summary>
    /// <c>/api/v1</c> (group <c>""</c>) or <c>/apis/{group}/{version}</c>: the resources of one group
    /// version and their subresources, sorted by name; null when nothing is served there (404).
    /// </summary>
    public static JsonObject? ResourceList(IEnumerable<ResourceType> resources, string group, string version)
    {
        var served = resources.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var entries = served.SelectMany(Entries).OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (JsonNode?)e.Entry);
        var document = new JsonObject { ["kind"] = "APIResourceList" };
        if (group.Length > 0)
        {
            // kube-apiserver writes apiVersion on group lists but not on /api/v1.
            document["apiVersion"] = "v1";
        }

        document["groupVersion"] = group.Length == 0 ? version : group + "/" + version;
        document["resources"] = new JsonArray(entries.ToArray());
        return document;
    }

    /// <summary><c>/apis</c>: every named group with its versions, most preferred first.</summary>
    public static JsonObject GroupList(IEnumerable<ResourceType> resources) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(GroupNames(resources).Select(name => (JsonNode?)GroupEntry(resources, name)).ToArray()),
    };

    /// <summary><c>/apis/{group}</c>: one group and its versions; null when the group is not served (404).</summary>
    public static JsonObject? Group(IEnumerable<ResourceType> resources, string group)
    {
        if (group.Length == 0 || !resources.Any(r => r.Group == group))
        {
            return null;
        }

        var document = new JsonObject { ["kind"] = "APIGroup", ["apiVersion"] = "v1" };
        foreach (var (key, value) in GroupEntry(resources, group).ToList())
        {
            document[key] = value?.DeepClone();
        }

        return document;
    }

    // Built-in groups first in kube-apiserver's order, then the groups of CRDs alphabetically.
    private static IEnumerable<string> GroupNames(IEnumerable<ResourceType> resources)
    {
        var builtIn = BuiltInResources.All.Select(r => r.Group).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return resources.Select(r => r.Group).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderBy(g => builtIn.IndexOf(g) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(g => g, StringComparer.Ordinal);
    }

    private static JsonObject GroupEntry(IEnumerable<ResourceType> resources, string group)
    {
        var versions = resources.Where(r => r.Group == group).Select(r => r.Version)
            .Distinct(StringComparer.Ordinal).Order(VersionPriority.Instance).ToList();
        JsonObject VersionEntry(string version) => new() { ["groupVersion"] = group + "/" + version, ["version"] = version };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode?)VersionEntry(v)).ToArray()),
            ["preferredVersion"] = VersionEntry(versions[0]),
        };
    }

    private static IEnumerable<(string Name, JsonObject Entry)> Entries(ResourceType resource)
    {
        var main = new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.Singular,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
            ["verbs"] = Strings(resource.Verbs),
        };
        if (resource.ShortNames.Count > 0)
        {
            main["shortNames"] = Strings(resource.ShortNames);
        }

        if (resource.Categories.Count > 0)
        {
            main["categories"] = Strings(resource.Categories);
        }

        main["storageVersionHash"] = StorageVersionHash(resource);
        yield return (resource.Plural, main);

        if (resource.HasStatus)
        {
            yield return Subresource(resource, "status", null, resource.Kind, SubresourceVerbs);
        }

        if (resource.HasScale)
        {
            yield return Subresource(resource, "scale", ("autoscaling", "v1"), "Scale", SubresourceVerbs);
        }

        if (resource is { Group: "", Plural: "namespaces" })
        {
            yield return Subresource(resource, "finalize", null, resource.Kind, ["update"]);
        }
    }

    private static (string, JsonObject) Subresource(
        ResourceType resource, string subresource, (string Group, string Version)? groupVersion, string kind, string[] verbs)
    {
        var name = resource.Plural + "/" + subresource;
        var entry = new JsonObject { ["name"] = name, ["singularName"] = "", ["namespaced"] = resource.Namespaced };
        if (groupVersion is { } gv)
        {
            entry["group"] = gv.Group;
            entry["version"] = gv.Version;
        }

        entry["kind"] = kind;
        entry["verbs"] = Strings(verbs);
        return (name, entry);
    }

    // base64 of the first 8 bytes of sha256("group/version/kind") of the version objects are stored in.
    private static string StorageVersionHash(ResourceType resource)
    {
        var stored = (resource.Group, resource.Kind) switch
        {
            ("events.k8s.io", "Event") => "/v1/Event",
            ("apiextensions.k8s.io", "CustomResourceDefinition") => "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
            _ => resource.Group + "/" + resource.Version + "/" + resource.Kind,
        };
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(stored)).AsSpan(0, 8));
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
