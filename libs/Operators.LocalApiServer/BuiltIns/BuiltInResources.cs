using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.BuiltIns;

/// <summary>
/// The built-in resources the server serves, with the names, short names, categories, verbs and
/// subresources kube-apiserver v1.36 lists for them in discovery. <see cref="All"/> is in the
/// order kube-apiserver lists their groups.
/// </summary>
internal static class BuiltInResources
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] AllCategory = ["all"];

    /// <summary>core/v1 namespaces (cluster-scoped; also <c>namespaces/status</c> and <c>namespaces/finalize</c>).</summary>
    public static ResourceType Namespaces { get; } = new()
    {
        Group = "",
        Version = "v1",
        Kind = "Namespace",
        Plural = "namespaces",
        Singular = "namespace",
        Namespaced = false,
        ShortNames = ["ns"],
        HasStatus = true,
        Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
        Behavior = new NamespaceBehavior(),
    };

    /// <summary>core/v1 configmaps.</summary>
    public static ResourceType ConfigMaps { get; } = new()
    {
        Group = "",
        Version = "v1",
        Kind = "ConfigMap",
        Plural = "configmaps",
        Singular = "configmap",
        Namespaced = true,
        ShortNames = ["cm"],
        Verbs = AllVerbs,
        Behavior = new ConfigMapBehavior(),
    };

    /// <summary>core/v1 secrets.</summary>
    public static ResourceType Secrets { get; } = new()
    {
        Group = "",
        Version = "v1",
        Kind = "Secret",
        Plural = "secrets",
        Singular = "secret",
        Namespaced = true,
        Verbs = AllVerbs,
        Behavior = new SecretBehavior(),
    };

    /// <summary>core/v1 services (with <c>services/status</c>).</summary>
    public static ResourceType Services { get; } = new()
    {
        Group = "",
        Version = "v1",
        Kind = "Service",
        Plural = "services",
        Singular = "service",
        Namespaced = true,
        ShortNames = ["svc"],
        Categories = AllCategory,
        HasStatus = true,
        Verbs = AllVerbs,
        Behavior = new ServiceBehavior(),
    };

    /// <summary>core/v1 events, the form all Events are stored in.</summary>
    public static ResourceType CoreEvents { get; } = new()
    {
        Group = "",
        Version = "v1",
        Kind = "Event",
        Plural = "events",
        Singular = "event",
        Namespaced = true,
        ShortNames = ["ev"],
        Verbs = AllVerbs,
        Behavior = new EventBehavior(strict: false),
    };

    /// <summary>apps/v1 deployments (with <c>deployments/status</c> and <c>deployments/scale</c>).</summary>
    public static ResourceType Deployments { get; } = new()
    {
        Group = "apps",
        Version = "v1",
        Kind = "Deployment",
        Plural = "deployments",
        Singular = "deployment",
        Namespaced = true,
        ShortNames = ["deploy"],
        Categories = AllCategory,
        HasStatus = true,
        HasScale = true,
        Verbs = AllVerbs,
        Behavior = new DeploymentBehavior(),
    };

    /// <summary>events.k8s.io/v1 events: the same objects as <see cref="CoreEvents"/>, converted by <see cref="EventConversion"/>.</summary>
    public static ResourceType Events { get; } = new()
    {
        Group = "events.k8s.io",
        Version = "v1",
        Kind = "Event",
        Plural = "events",
        Singular = "event",
        Namespaced = true,
        ShortNames = ["ev"],
        Verbs = AllVerbs,
        Behavior = new EventBehavior(strict: true),
    };

    /// <summary>apiextensions.k8s.io/v1 customresourcedefinitions (cluster-scoped, with status).</summary>
    public static ResourceType CustomResourceDefinitions { get; } = new()
    {
        Group = "apiextensions.k8s.io",
        Version = "v1",
        Kind = "CustomResourceDefinition",
        Plural = "customresourcedefinitions",
        Singular = "customresourcedefinition",
        Namespaced = false,
        ShortNames = ["crd", "crds"],
        Categories = ["api-extensions"],
        HasStatus = true,
        Verbs = AllVerbs,
        Behavior = new CustomResourceDefinitionBehavior(),
    };

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public static ResourceType Leases { get; } = new()
    {
        Group = "coordination.k8s.io",
        Version = "v1",
        Kind = "Lease",
        Plural = "leases",
        Singular = "lease",
        Namespaced = true,
        Verbs = AllVerbs,
        Behavior = new LeaseBehavior(),
    };

    /// <summary>core/v1 serviceaccounts (stored, not interpreted).</summary>
    public static ResourceType ServiceAccounts { get; } = Stored("", "ServiceAccount", "serviceaccounts", namespaced: true, NameRules.DnsSubdomain, ["sa"]);

    /// <summary>networking.k8s.io/v1 networkpolicies (stored, not enforced).</summary>
    public static ResourceType NetworkPolicies { get; } = Stored("networking.k8s.io", "NetworkPolicy", "networkpolicies", namespaced: true, NameRules.DnsSubdomain, ["netpol"], tracksGeneration: true);

    /// <summary>policy/v1 poddisruptionbudgets (stored, not enforced).</summary>
    public static ResourceType PodDisruptionBudgets { get; } = Stored("policy", "PodDisruptionBudget", "poddisruptionbudgets", namespaced: true, NameRules.DnsSubdomain, ["pdb"], tracksGeneration: true);

    /// <summary>rbac.authorization.k8s.io/v1 clusterrolebindings (stored, not enforced).</summary>
    public static ResourceType ClusterRoleBindings { get; } = Stored("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", namespaced: false, NameRules.PathSegment, []);

    /// <summary>rbac.authorization.k8s.io/v1 clusterroles (stored, not enforced).</summary>
    public static ResourceType ClusterRoles { get; } = Stored("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", namespaced: false, NameRules.PathSegment, []);

    /// <summary>rbac.authorization.k8s.io/v1 rolebindings (stored, not enforced).</summary>
    public static ResourceType RoleBindings { get; } = Stored("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", namespaced: true, NameRules.PathSegment, []);

    /// <summary>rbac.authorization.k8s.io/v1 roles (stored, not enforced).</summary>
    public static ResourceType Roles { get; } = Stored("rbac.authorization.k8s.io", "Role", "roles", namespaced: true, NameRules.PathSegment, []);

    /// <summary>Every built-in resource, groups in kube-apiserver's discovery order.</summary>
    public static IReadOnlyList<ResourceType> All { get; } =
        [
            Namespaces, ConfigMaps, Secrets, ServiceAccounts, Services, CoreEvents, Deployments, Events, NetworkPolicies, PodDisruptionBudgets,
            ClusterRoleBindings, ClusterRoles, RoleBindings, Roles, CustomResourceDefinitions, Leases,
        ];

    private static ResourceType Stored(
        string group, string kind, string plural, bool namespaced, NameValidator nameRule, string[] shortNames, bool tracksGeneration = false) => new()
        {
            Group = group,
            Version = "v1",
            Kind = kind,
            Plural = plural,
            Singular = kind.ToLowerInvariant(),
            Namespaced = namespaced,
            ShortNames = shortNames,
            Verbs = AllVerbs,
            Behavior = new StoredObjectBehavior(namespaced, nameRule, tracksGeneration),
        };
}
