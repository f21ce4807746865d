namespace Operators.Charts.Tests.Rbac;

/// <summary>
/// The permissions each operator needs, from its issue and from the runtime's calls: informers
/// get/list/watch; status goes through the status subresource (update or merge patch); the event
/// recorder creates events.k8s.io/v1 Events and merge-patches their series
/// (<c>libs/Operators.Runtime/Events/KubernetesEventSink.cs</c>); the leader elector reads,
/// creates and replaces its Lease (<c>libs/Operators.Runtime/LeaderElection/LeaderElector.Attempts.cs</c>).
/// </summary>
internal static class ExpectedPermissions
{
    private const string Group = "openstack.operators.dev";
    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["get", "list", "watch", "create", "update", "patch", "delete"];
    private static readonly string[] Status = ["update", "patch"];

    // nova-agent never deletes its children: the garbage collector removes them with their NovaAgent.
    private static readonly string[] WriteWithoutDelete = ["get", "list", "watch", "create", "update", "patch"];

    /// <summary>The Lease permissions of leader election, granted in the release namespace only.</summary>
    public static readonly IReadOnlySet<RbacRule> LeaderElection =
        RbacRule.Expand("coordination.k8s.io", "leases", "get", "create", "update").ToHashSet();

    /// <summary>Returns what the operator of <paramref name="chart"/> needs in the namespaces it watches.</summary>
    public static IReadOnlySet<RbacRule> Operator(string chart) => (chart switch
    {
        "building-block" => RbacRule.Expand(Group, "buildingblocks", Read)
            .Concat(RbacRule.Expand(Group, "buildingblocks/status", Status))
            .Concat(RbacRule.Expand(Group, "novaagents", Write)),
        "nova-agent" => RbacRule.Expand(Group, "novaagents", Read)
            .Concat(RbacRule.Expand(Group, "novaagents/status", Status))
            .Concat(RbacRule.Expand("apps", "deployments", WriteWithoutDelete))
            .Concat(RbacRule.Expand(string.Empty, "configmaps", WriteWithoutDelete)),
        "maintenance-notifier" => RbacRule.Expand(Group, "maintenancenotifiers", Read)
            .Concat(RbacRule.Expand(Group, "maintenancenotifiers/status", Status))
            .Concat(RbacRule.Expand(Group, "buildingblocks", Read))
            .Concat(RbacRule.Expand(string.Empty, "secrets", Read)),
        _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "Unknown chart."),
    }).Concat(RbacRule.Expand("events.k8s.io", "events", "create", "patch")).ToHashSet();
}
