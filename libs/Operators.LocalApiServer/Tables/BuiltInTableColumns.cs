using System.Diagnostics.CodeAnalysis;

namespace Operators.LocalApiServer.Tables;

/// <summary>
/// The Tables kube-apiserver prints for the built-in resources this server serves: the same
/// columns, in the same order, with the cells computed the same way (including the priority-1
/// columns, which the server always sends).
/// </summary>
internal static class BuiltInTableColumns
{
    private static readonly Dictionary<(string Group, string Resource), TableDefinition> Tables = new()
    {
        [("", "namespaces")] = NamespaceTable.Definition,
        [("", "configmaps")] = ConfigMapTable.Definition,
        [("", "secrets")] = SecretTable.Definition,
        [("", "services")] = ServiceTable.Definition,
        [("", "events")] = EventTable.Definition,
        [("events.k8s.io", "events")] = EventTable.Definition,
        [("apps", "deployments")] = DeploymentTable.Definition,
        [("coordination.k8s.io", "leases")] = LeaseTable.Definition,
        [("apiextensions.k8s.io", "customresourcedefinitions")] = DefaultTable.Definition,
    };

    /// <summary>The Table of a built-in resource (group empty for the core group, resource plural).</summary>
    /// <returns>False for resources without a built-in table, such as custom resources.</returns>
    public static bool TryGet(string group, string resource, [NotNullWhen(true)] out TableDefinition? table) =>
        Tables.TryGetValue((group, resource), out table);
}
