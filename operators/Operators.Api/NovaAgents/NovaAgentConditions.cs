namespace Operators.Api.NovaAgents;

/// <summary>Condition types and reasons of a NovaAgent (DESIGN.md section 6.2).</summary>
public static class NovaAgentConditions
{
    /// <summary>The agent runs the current configuration and is ready, or why not.</summary>
    public const string Ready = "Ready";

    /// <summary>Whether the agent is in service (not in maintenance).</summary>
    public const string InService = "InService";

    /// <summary>Ready=True: current generation and config rolled out, 1 ready replica.</summary>
    public const string Available = "Available";

    /// <summary>Ready=False: a rollout is under way.</summary>
    public const string Progressing = "Progressing";

    /// <summary>Ready=False: rolled out but not ready.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>Ready=False: in maintenance.</summary>
    public const string OutOfService = "OutOfService";

    /// <summary>Ready=False: a child of that name is not controlled by this NovaAgent.</summary>
    public const string OwnershipConflict = "OwnershipConflict";

    /// <summary>Ready=False: the spec breaks a rule the schema cannot express.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>InService=True: no maintenance requested.</summary>
    public const string Enabled = "Enabled";

    /// <summary>InService=True: maintenance requested, replicas still running.</summary>
    public const string Stopping = "Stopping";

    /// <summary>InService=False: maintenance requested and 0 replicas.</summary>
    public const string Maintenance = "Maintenance";
}
