using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Status;

/// <summary>
/// Computes a NovaAgent's next status from the last one and an <see cref="AgentObservation"/>. Pure:
/// the caller passes the time; the last status is never changed. Conditions keep their
/// <c>lastTransitionTime</c> unless their status flips, so an unchanged world gives an equal status.
/// </summary>
internal static class AgentStatusBuilder
{
    /// <summary>Builds the status.</summary>
    /// <param name="agent">The NovaAgent as cached.</param>
    /// <param name="observation">What the reconcile found and did.</param>
    /// <param name="now">The time of a condition transition.</param>
    /// <param name="last">The last status written, when it is newer than the cached agent's; null to use the agent's.</param>
    /// <returns>A new status.</returns>
    public static NovaAgentStatus Build(V1Alpha1NovaAgent agent, AgentObservation observation, DateTimeOffset now, NovaAgentStatus? last = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(observation);
        last ??= agent.Status;
        var deploymentStatus = observation.Deployment?.Status;
        var rendered = observation.BlockedReason is null;
        var status = new NovaAgentStatus
        {
            ObservedGeneration = agent.Metadata.Generation,
            Conditions = [.. (last?.Conditions ?? []).Select(Copy)],
            ConfigHash = rendered ? AgentConditionTable.ConfigHashOf(observation.Deployment) ?? observation.ConfigHash : last?.ConfigHash,
            ConfigMapName = rendered ? observation.ConfigMapName : last?.ConfigMapName,
            DeploymentName = rendered ? observation.DeploymentName : last?.DeploymentName,
            Replicas = deploymentStatus?.Replicas ?? 0,
            ReadyReplicas = deploymentStatus?.ReadyReplicas ?? 0,
            UpdatedReplicas = deploymentStatus?.UpdatedReplicas ?? 0,
        };

        var time = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset);
        Set(status, NovaAgentConditions.Ready, AgentConditionTable.Ready(agent.Spec, observation), agent.Metadata.Generation, time);
        Set(status, NovaAgentConditions.InService, AgentConditionTable.InService(agent.Spec, observation.Deployment), agent.Metadata.Generation, time);
        return status;
    }

    private static void Set(NovaAgentStatus status, string type, ConditionValue value, long? generation, DateTimeOffset now) =>
        Conditions.Set(status.Conditions!, type, value.Status, value.Reason, value.Message, generation, now);

    private static V1Condition Copy(V1Condition condition) => new()
    {
        Type = condition.Type,
        Status = condition.Status,
        Reason = condition.Reason,
        Message = condition.Message,
        ObservedGeneration = condition.ObservedGeneration,
        LastTransitionTime = condition.LastTransitionTime,
    };
}
