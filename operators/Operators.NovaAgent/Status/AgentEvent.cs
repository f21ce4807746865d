namespace Operators.NovaAgent.Status;

/// <summary>An Event to record about a NovaAgent.</summary>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Reason">The CamelCase reason, e.g. <c>RolloutStarted</c>.</param>
/// <param name="Message">The note.</param>
internal sealed record AgentEvent(string Type, string Reason, string Message);
