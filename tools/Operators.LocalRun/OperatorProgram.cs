namespace Operators.LocalRun;

/// <summary>One of the three operators: how it is named in logs, where it is built, and its chart.</summary>
/// <param name="Name">The operator's name (also its Lease and log prefix), e.g. <c>building-block</c>.</param>
/// <param name="Project">The project folder under <c>operators/</c> and the assembly name.</param>
/// <param name="Chart">The chart folder under <c>charts/</c>, whose <c>templates/crd.yaml</c> holds its CRD.</param>
/// <param name="Prefix">The short prefix of its log lines in the terminal.</param>
internal sealed record OperatorProgram(string Name, string Project, string Chart, string Prefix)
{
    /// <summary>The building-block operator.</summary>
    public static readonly OperatorProgram BuildingBlock = new("building-block", "Operators.BuildingBlock", "building-block", "building-block");

    /// <summary>The nova-agent operator.</summary>
    public static readonly OperatorProgram NovaAgent = new("nova-agent", "Operators.NovaAgent", "nova-agent", "nova-agent");

    /// <summary>The maintenance-notifier operator.</summary>
    public static readonly OperatorProgram MaintenanceNotifier = new("maintenance-notifier", "Operators.MaintenanceNotifier", "maintenance-notifier", "notifier");

    /// <summary>All three, in start order.</summary>
    public static IReadOnlyList<OperatorProgram> All { get; } = [BuildingBlock, NovaAgent, MaintenanceNotifier];
}
