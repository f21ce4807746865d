namespace Operators.LocalApiServer.Patching;

/// <summary>
/// The <c>patchStrategy</c>/<c>patchMergeKey</c> tags Kubernetes v1.36 declares on the built-in
/// types this server serves. Lists not listed here are atomic: a patch replaces them.
/// </summary>
internal static class BuiltInStrategicMergeRules
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    private static readonly StrategicMergeSchema MetadataOnly = Build(rules => AddObjectMeta(rules, "metadata"));

    private static readonly StrategicMergeSchema Deployment = Build(rules =>
    {
        AddObjectMeta(rules, "metadata");
        AddPodTemplate(rules, "spec.template");
        rules["status.conditions"] = StrategicPatchRule.MergeByKey("type");
    });

    private static readonly StrategicMergeSchema Service = Build(rules =>
    {
        AddObjectMeta(rules, "metadata");
        rules["spec.ports"] = StrategicPatchRule.MergeByKey("port");
        rules["status.conditions"] = StrategicPatchRule.MergeByKey("type");
    });

    private static readonly StrategicMergeSchema Namespace = Build(rules =>
    {
        AddObjectMeta(rules, "metadata");
        rules["status.conditions"] = StrategicPatchRule.MergeByKey("type");
    });

    /// <summary>The schema of a served built-in kind; null for other kinds (custom resources).</summary>
    public static StrategicMergeSchema? For(string group, string kind) => (group, kind) switch
    {
        ("apps", "Deployment") => Deployment,
        ("", "Service") => Service,
        ("", "Namespace") => Namespace,
        ("", "ConfigMap") or ("", "Secret") or ("", "Event") or ("events.k8s.io", "Event")
            or ("coordination.k8s.io", "Lease") or ("autoscaling", "Scale")
            or ("apiextensions.k8s.io", "CustomResourceDefinition") => MetadataOnly,
        _ => null,
    };

    private static StrategicMergeSchema Build(Action<Dictionary<string, StrategicPatchRule>> declare)
    {
        var rules = new Dictionary<string, StrategicPatchRule>(StringComparer.Ordinal);
        declare(rules);
        return new StrategicMergeSchema(rules);
    }

    private static void AddObjectMeta(Dictionary<string, StrategicPatchRule> rules, string metadata)
    {
        rules[metadata + ".finalizers"] = StrategicPatchRule.MergeAsSet;
        rules[metadata + ".ownerReferences"] = StrategicPatchRule.MergeByKey("uid");
    }

    private static void AddPodTemplate(Dictionary<string, StrategicPatchRule> rules, string template)
    {
        AddObjectMeta(rules, template + ".metadata");
        var pod = template + ".spec";
        rules[pod + ".volumes"] = StrategicPatchRule.MergeByKey("name");
        rules[pod + ".imagePullSecrets"] = StrategicPatchRule.MergeByKey("name");
        rules[pod + ".hostAliases"] = StrategicPatchRule.MergeByKey("ip");
        rules[pod + ".topologySpreadConstraints"] = StrategicPatchRule.MergeByKey("topologyKey");
        rules[pod + ".schedulingGates"] = StrategicPatchRule.MergeByKey("name");
        rules[pod + ".resourceClaims"] = StrategicPatchRule.MergeByKey("name");
        rules[pod + ".tolerations"] = StrategicPatchRule.Replace;
        foreach (var list in ContainerLists)
        {
            var container = pod + "." + list;
            rules[container] = StrategicPatchRule.MergeByKey("name");
            rules[container + ".env"] = StrategicPatchRule.MergeByKey("name");
            rules[container + ".ports"] = StrategicPatchRule.MergeByKey("containerPort");
            rules[container + ".volumeMounts"] = StrategicPatchRule.MergeByKey("mountPath");
            rules[container + ".volumeDevices"] = StrategicPatchRule.MergeByKey("devicePath");
            rules[container + ".envFrom"] = StrategicPatchRule.Replace;
        }
    }
}
