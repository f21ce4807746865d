namespace Operators.Api.BuildingBlocks;

/// <summary>Condition types and reasons of a BuildingBlock (DESIGN.md section 6.1).</summary>
public static class BuildingBlockConditions
{
    /// <summary>Every agent ready, or why not.</summary>
    public const string Ready = "Ready";

    /// <summary>True while maintenance is requested.</summary>
    public const string Maintenance = "Maintenance";

    /// <summary>Ready=True: every agent is ready.</summary>
    public const string AllAgentsReady = "AllAgentsReady";

    /// <summary>Ready=True: the block has no hosts.</summary>
    public const string NoHosts = "NoHosts";

    /// <summary>Ready=False: some agent is not ready.</summary>
    public const string AgentsNotReady = "AgentsNotReady";

    /// <summary>Ready=False: maintenance is in effect.</summary>
    public const string InMaintenance = "InMaintenance";

    /// <summary>Ready=False: a NovaAgent named after a host is controlled by someone else.</summary>
    public const string HostConflict = "HostConflict";

    /// <summary>Ready=False: the spec breaks a rule the schema cannot express.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>Maintenance=True: requested; some agents are still in service.</summary>
    public const string Entering = "Entering";

    /// <summary>Maintenance=False: request removed; some agents are still out of service.</summary>
    public const string Leaving = "Leaving";

    /// <summary>Maintenance=False: no maintenance and every agent in service.</summary>
    public const string Operational = "Operational";
}
