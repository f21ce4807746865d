namespace Operators.BuildingBlock;

/// <summary>The reasons of the Events the operator records about a BuildingBlock (DESIGN.md section 6.1).</summary>
internal static class EventReasons
{
    /// <summary>A NovaAgent was created for a host.</summary>
    public const string AgentCreated = "AgentCreated";

    /// <summary>A NovaAgent whose host left the spec was deleted.</summary>
    public const string AgentDeleted = "AgentDeleted";

    /// <summary>A NovaAgent named after a host is not controlled by the block (Warning).</summary>
    public const string HostConflict = "HostConflict";

    /// <summary>The spec breaks a rule the schema cannot express (Warning).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>The <c>Maintenance</c> condition turned True.</summary>
    public const string MaintenanceEntered = "MaintenanceEntered";

    /// <summary>Every agent of the block in maintenance is out of service.</summary>
    public const string MaintenanceCompleted = "MaintenanceCompleted";

    /// <summary>The <c>Maintenance</c> condition turned False after being True.</summary>
    public const string MaintenanceLeft = "MaintenanceLeft";
}
