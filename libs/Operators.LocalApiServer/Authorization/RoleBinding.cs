using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Authorization;

/// <summary>
/// A stored RoleBinding or ClusterRoleBinding as the authorizer reads it: its role reference and subjects,
/// with kube's subject matching (a ServiceAccount subject without a namespace means the binding's namespace).
/// </summary>
/// <param name="Namespace">The binding's namespace; empty for a ClusterRoleBinding.</param>
/// <param name="RoleKind">The referenced kind: <c>Role</c> or <c>ClusterRole</c>.</param>
/// <param name="RoleName">The referenced role's name.</param>
/// <param name="Subjects">The subjects: (kind, name, namespace).</param>
internal sealed record RoleBinding(string Namespace, string RoleKind, string RoleName, IReadOnlyList<(string Kind, string Name, string Namespace)> Subjects)
{
    /// <summary>Reads a stored binding.</summary>
    public static RoleBinding Parse(JsonObject binding)
    {
        var subjects = binding["subjects"] is JsonArray list
            ? list.OfType<JsonObject>().Select(s => (Text(s, "kind"), Text(s, "name"), Text(s, "namespace"))).ToList()
            : [];
        return new RoleBinding(Text(binding["metadata"] as JsonObject, "namespace"),
            Text(binding["roleRef"] as JsonObject, "kind"), Text(binding["roleRef"] as JsonObject, "name"), subjects);
    }

    /// <summary>Whether a subject of this binding is the user or one of its groups.</summary>
    public bool AppliesTo(string user, IReadOnlyList<string> groups) => Subjects.Any(s => s.Kind switch
    {
        "User" => s.Name == user,
        "Group" => groups.Contains(s.Name, StringComparer.Ordinal),
        "ServiceAccount" => (s.Namespace.Length > 0 ? s.Namespace : Namespace) is { Length: > 0 } ns
            && user == ServiceAccountUsers.UserName(ns, s.Name),
        _ => false,
    });

    private static string Text(JsonObject? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
