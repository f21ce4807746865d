using System.Text.Json.Nodes;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Storage;

/// <summary>
/// The resources the server serves: the built-ins, and those of every established CRD. A CRD
/// is served from the moment it is stored until it is removed.
/// </summary>
internal sealed class ResourceRegistry
{
    private static readonly Dictionary<string, string[]> BuiltInTopLevelFields = new(StringComparer.Ordinal)
    {
        ["/configmaps"] = ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"],
        ["/secrets"] = ["apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"],
        ["/namespaces"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["/services"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["apps/deployments"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["coordination.k8s.io/leases"] = ["apiVersion", "kind", "metadata", "spec"],
        ["/serviceaccounts"] = ["apiVersion", "kind", "metadata", "secrets", "imagePullSecrets", "automountServiceAccountToken"],
        ["networking.k8s.io/networkpolicies"] = ["apiVersion", "kind", "metadata", "spec"],
        ["policy/poddisruptionbudgets"] = ["apiVersion", "kind", "metadata", "spec", "status"],
        ["rbac.authorization.k8s.io/clusterrolebindings"] = ["apiVersion", "kind", "metadata", "subjects", "roleRef"],
        ["rbac.authorization.k8s.io/clusterroles"] = ["apiVersion", "kind", "metadata", "rules", "aggregationRule"],
        ["rbac.authorization.k8s.io/rolebindings"] = ["apiVersion", "kind", "metadata", "subjects", "roleRef"],
        ["rbac.authorization.k8s.io/roles"] = ["apiVersion", "kind", "metadata", "rules"],
    };

    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceType> _types = [];
    private readonly Dictionary<(string Group, string Version, string Plural), CustomResourceVersion> _custom = [];

    /// <summary>Creates a registry serving the built-in resources.</summary>
    public ResourceRegistry()
    {
        foreach (var type in BuiltInResources.All)
        {
            _types[(type.Group, type.Version, type.Plural)] = type;
        }
    }

    /// <summary>Every resource served now: the built-ins in kube-apiserver's order, then custom resources.</summary>
    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_gate)
            {
                var custom = _custom.Keys.Select(k => _types[k]).OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Plural, StringComparer.Ordinal);
                return BuiltInResources.All.Select(b => _types[(b.Group, b.Version, b.Plural)]).Concat(custom).ToList();
            }
        }
    }

    /// <summary>The resource at <c>group/version/plural</c>, or null.</summary>
    public ResourceType? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _types.GetValueOrDefault((group, version, plural));
        }
    }

    /// <summary>The served version of a resource's kind in a group, for owner references and events (first match).</summary>
    public ResourceType? FindKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        lock (_gate)
        {
            return _types.Values.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind);
        }
    }

    /// <summary>True when the resource comes from a CRD.</summary>
    public bool IsCustom(ResourceType type)
    {
        lock (_gate)
        {
            return _custom.ContainsKey((type.Group, type.Version, type.Plural));
        }
    }

    /// <summary>The CRD details of a custom resource version, or null for a built-in.</summary>
    public CustomResourceVersion? Custom(ResourceType type)
    {
        lock (_gate)
        {
            return _custom.GetValueOrDefault((type.Group, type.Version, type.Plural));
        }
    }

    /// <summary>
    /// Removes fields the resource does not know from <paramref name="obj"/> and returns their
    /// paths: the CRD schema for custom resources, the top-level fields for built-ins.
    /// </summary>
    public IReadOnlyList<string> PruneUnknownFields(ResourceType type, JsonObject obj)
    {
        var unknown = new List<string>();
        if (obj["metadata"] is JsonObject meta)
        {
            foreach (var key in meta.Select(p => p.Key).Where(k => !ObjectMetaFields.Contains(k)).ToList())
            {
                meta.Remove(key);
                unknown.Add("metadata." + key);
            }
        }

        if (Custom(type)?.Schema is { } schema)
        {
            unknown.AddRange(schema.Prune(obj));
        }
        else if (BuiltInTopLevelFields.TryGetValue(ObjectStore.StorageOf(type), out var fields))
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !fields.Contains(k, StringComparer.Ordinal)).ToList())
            {
                obj.Remove(key);
                unknown.Add(key);
            }
        }

        return unknown;
    }

    /// <summary>Starts serving (or updates) the resources of a CRD.</summary>
    public void Register(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var group = (string)spec["group"]!;
        var plural = (string)names["plural"]!;
        var crdName = (string)crd["metadata"]!["name"]!;
        lock (_gate)
        {
            RemoveLocked(crdName);
            foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (version["served"] is JsonValue served && !(bool)served)
                {
                    continue;
                }

                var versionName = (string)version["name"]!;
                var schemaNode = version["schema"]?["openAPIV3Schema"] as JsonObject;
                var schema = schemaNode is null ? null : CustomResourceSchema.Create(schemaNode);
                var subresources = version["subresources"] as JsonObject;
                var scale = subresources?["scale"] as JsonObject;
                var type = new ResourceType
                {
                    Group = group,
                    Version = versionName,
                    Kind = (string)names["kind"]!,
                    Plural = plural,
                    Singular = (string?)names["singular"] ?? ((string)names["kind"]!).ToLowerInvariant(),
                    Namespaced = (string?)spec["scope"] != "Cluster",
                    ShortNames = Strings(names["shortNames"]),
                    Categories = Strings(names["categories"]),
                    Verbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"],
                    HasStatus = subresources?["status"] is not null,
                    HasScale = scale is not null,
                    Behavior = new CustomResourceBehavior(schema, (string?)spec["scope"] != "Cluster"),
                };
                _types[(group, versionName, plural)] = type;
                _custom[(group, versionName, plural)] = new CustomResourceVersion(
                    crdName,
                    schema,
                    version["additionalPrinterColumns"] as JsonArray ?? [],
                    (string?)scale?["specReplicasPath"],
                    (string?)scale?["statusReplicasPath"],
                    (string?)scale?["labelSelectorPath"]);
            }
        }
    }

    /// <summary>Stops serving the resources of a CRD.</summary>
    public void Unregister(string crdName)
    {
        lock (_gate)
        {
            RemoveLocked(crdName);
        }
    }

    private void RemoveLocked(string crdName)
    {
        foreach (var key in _custom.Where(p => p.Value.CrdName == crdName).Select(p => p.Key).ToList())
        {
            _custom.Remove(key);
            _types.Remove(key);
        }
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => (string?)x ?? "").Where(s => s.Length > 0).ToArray() : [];
}
