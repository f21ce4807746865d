using System.Runtime.CompilerServices;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// A minimal RBAC authorizer over the stored Roles, ClusterRoles, RoleBindings and ClusterRoleBindings, following
/// kube's <c>VisitRulesFor</c>: the rules of every ClusterRoleBinding that applies to the user count everywhere; in
/// a namespace, those of every RoleBinding there that applies (to a Role of that namespace or a ClusterRole) count
/// too. Members of <c>system:masters</c> are always allowed; authenticated users may read the discovery paths.
/// No aggregation, no escalation checks, no impersonation.
/// </summary>
internal sealed class RbacAuthorizer(ObjectStore store)
{
    private static readonly string ClusterRoleBindings = ObjectStore.StorageOf(BuiltInResources.ClusterRoleBindings);
    private static readonly string RoleBindings = ObjectStore.StorageOf(BuiltInResources.RoleBindings);
    private static readonly string ClusterRoles = ObjectStore.StorageOf(BuiltInResources.ClusterRoles);
    private static readonly string Roles = ObjectStore.StorageOf(BuiltInResources.Roles);

    // Stored objects are immutable (a write stores a new instance), so parsed forms are cached per instance.
    private readonly ConditionalWeakTable<StoredObject, RoleBinding> _bindings = [];
    private readonly ConditionalWeakTable<StoredObject, IReadOnlyList<PolicyRule>> _rules = [];

    /// <summary>Decides on a request: null when allowed, else the reason of the denial (empty, or <c>RBAC: …</c> errors).</summary>
    public string? Deny(RequestAttributes request)
    {
        if (request.Groups.Contains(TokenUser.MastersGroup, StringComparer.Ordinal) || IsDiscovery(request))
        {
            return null;
        }

        var errors = new List<string>();
        foreach (var stored in store.All(ClusterRoleBindings))
        {
            if (Allowed(request, Binding(stored), "", errors))
            {
                return null;
            }
        }

        if (request.Namespace.Length > 0)
        {
            foreach (var stored in store.All(RoleBindings, request.Namespace))
            {
                if (Allowed(request, Binding(stored), request.Namespace, errors))
                {
                    return null;
                }
            }
        }

        return errors.Count switch
        {
            0 => "",
            1 => "RBAC: " + errors[0],
            _ => "RBAC: [" + string.Join(", ", errors) + "]",
        };
    }

    private bool Allowed(RequestAttributes request, RoleBinding binding, string bindingNamespace, List<string> errors)
    {
        if (!binding.AppliesTo(request.User, request.Groups))
        {
            return false;
        }

        var role = binding.RoleKind switch
        {
            "ClusterRole" => store.Get(ClusterRoles, "", binding.RoleName),
            "Role" when bindingNamespace.Length > 0 => store.Get(Roles, bindingNamespace, binding.RoleName),
            _ => null,
        };
        if (role is null)
        {
            errors.Add($"{binding.RoleKind.ToLowerInvariant()}.rbac.authorization.k8s.io \"{binding.RoleName}\" not found");
            return false;
        }

        return Rules(role).Any(r => r.Allows(request));
    }

    private RoleBinding Binding(StoredObject stored) => _bindings.GetValue(stored, static s => RoleBinding.Parse(s.ToNode()));

    private IReadOnlyList<PolicyRule> Rules(StoredObject stored) => _rules.GetValue(stored, static s => PolicyRule.ParseAll(s.ToNode()));

    /// <summary>
    /// What kube's bootstrap roles <c>system:discovery</c>, <c>system:basic-user</c> and <c>system:public-info-viewer</c>
    /// grant every authenticated user: reading the API discovery, OpenAPI, version and health paths.
    /// </summary>
    private static bool IsDiscovery(RequestAttributes request) =>
        !request.IsResourceRequest && request.Verb == "get"
        && request.Groups.Contains(ServiceAccountUsers.AuthenticatedGroup, StringComparer.Ordinal)
        && (request.Path is "/api" or "/apis" or "/version" or "/openapi" or "/healthz" or "/livez" or "/readyz"
            || request.Path.StartsWith("/api/", StringComparison.Ordinal) || request.Path.StartsWith("/apis/", StringComparison.Ordinal)
            || request.Path.StartsWith("/openapi/", StringComparison.Ordinal) || request.Path.StartsWith("/version/", StringComparison.Ordinal));
}
