using System.Globalization;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Status;

/// <summary>
/// The condition table of DESIGN.md section 6.2, as pure functions of the spec and the Deployment:
/// <list type="table">
/// <item><term>Ready True <c>Available</c></term><description>the Deployment observed its current generation, has 1 updated and 1 ready replica, nothing else running, and its pod template carries the current config hash;</description></item>
/// <item><term>Ready False <c>OwnershipConflict</c> / <c>InvalidSpec</c></term><description>rendering was stopped (these win over everything else);</description></item>
/// <item><term>Ready False <c>OutOfService</c></term><description>maintenance is requested;</description></item>
/// <item><term>Ready False <c>Progressing</c></term><description>the Deployment is missing, has not observed its generation, runs an old pod template or old pods, or waits for its new pod to become ready;</description></item>
/// <item><term>Ready False <c>Unavailable</c></term><description>the rollout ended (the Deployment's <c>Progressing</c> condition is <c>NewReplicaSetAvailable</c> or False) but no replica is ready;</description></item>
/// <item><term>InService True <c>Enabled</c> / <c>Stopping</c></term><description>no maintenance / maintenance requested and replicas still &gt; 0;</description></item>
/// <item><term>InService False <c>Maintenance</c></term><description>maintenance requested and 0 replicas; the message carries the reason.</description></item>
/// </list>
/// </summary>
internal static class AgentConditionTable
{
    /// <summary>The Ready condition.</summary>
    /// <param name="spec">The NovaAgent's spec.</param>
    /// <param name="observation">What the reconcile found and did.</param>
    /// <returns>Its status, reason and message.</returns>
    public static ConditionValue Ready(NovaAgentSpec spec, AgentObservation observation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.BlockedReason is { } blocked)
        {
            return new(ConditionStatus.False, blocked, observation.BlockedMessage ?? string.Empty);
        }

        if (spec.Maintenance is { } maintenance)
        {
            return new(ConditionStatus.False, NovaAgentConditions.OutOfService, $"in maintenance: {maintenance.Reason}");
        }

        var name = observation.DeploymentName ?? AgentNames.ChildName(spec.Host);
        if (observation.Deployment is not { } deployment)
        {
            return new(ConditionStatus.False, NovaAgentConditions.Progressing, $"Deployment {name} does not exist yet");
        }

        var status = deployment.Status;
        var updated = status?.UpdatedReplicas ?? 0;
        var ready = status?.ReadyReplicas ?? 0;
        var replicas = status?.Replicas ?? 0;
        var observed = status?.ObservedGeneration is { } seen && seen >= (deployment.Metadata.Generation ?? 0);
        var currentConfig = observation.ConfigHash is null || ConfigHashOf(deployment) == observation.ConfigHash;
        if (!observed || !currentConfig || updated < 1 || replicas > updated)
        {
            return new(ConditionStatus.False, NovaAgentConditions.Progressing,
                string.Create(CultureInfo.InvariantCulture, $"rolling out Deployment {name}: {updated}/1 updated, {ready}/1 ready"));
        }

        if (ready >= 1)
        {
            return new(ConditionStatus.True, NovaAgentConditions.Available,
                $"Deployment {name} is available with config {ConfigHash.Short(ConfigHashOf(deployment))}");
        }

        if (RolloutEnded(deployment))
        {
            return new(ConditionStatus.False, NovaAgentConditions.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"Deployment {name} is rolled out but {ready}/1 replicas are ready"));
        }

        return new(ConditionStatus.False, NovaAgentConditions.Progressing,
            string.Create(CultureInfo.InvariantCulture, $"rolling out Deployment {name}: {updated}/1 updated, waiting for it to become ready"));
    }

    /// <summary>The InService condition.</summary>
    /// <param name="spec">The NovaAgent's spec.</param>
    /// <param name="deployment">The Deployment the NovaAgent controls; null when none (nothing runs).</param>
    /// <returns>Its status, reason and message.</returns>
    public static ConditionValue InService(NovaAgentSpec spec, V1Deployment? deployment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Maintenance is not { } maintenance)
        {
            return new(ConditionStatus.True, NovaAgentConditions.Enabled, "in service: no maintenance requested");
        }

        var running = RunningReplicas(deployment);
        if (running > 0)
        {
            return new(ConditionStatus.True, NovaAgentConditions.Stopping,
                string.Create(CultureInfo.InvariantCulture, $"maintenance requested ({maintenance.Reason}): stopping Deployment {deployment!.Metadata.Name}, {running} replica(s) still running"));
        }

        return new(ConditionStatus.False, NovaAgentConditions.Maintenance, $"out of service for maintenance: {maintenance.Reason}");
    }

    /// <summary>
    /// Replicas that may still run: the more of the wanted (<c>spec.replicas</c>) and the reported
    /// (<c>status.replicas</c>) ones; 0 only once both are 0.
    /// </summary>
    /// <param name="deployment">The Deployment, or null.</param>
    /// <returns>The count.</returns>
    public static int RunningReplicas(V1Deployment? deployment) =>
        deployment is null ? 0 : Math.Max(deployment.Spec?.Replicas ?? 1, deployment.Status?.Replicas ?? 0);

    /// <summary>
    /// Whether the Deployment's own <c>Progressing</c> condition says the rollout is over: it
    /// completed once (<c>NewReplicaSetAvailable</c>), or it failed (status False, e.g.
    /// <c>ProgressDeadlineExceeded</c>). A replica that is not ready is then a problem, not a step.
    /// </summary>
    /// <param name="deployment">The Deployment.</param>
    /// <returns><see langword="true"/> when the rollout ended.</returns>
    public static bool RolloutEnded(V1Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var progressing = deployment.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        return progressing is not null && (progressing.Reason == "NewReplicaSetAvailable" || progressing.Status == ConditionStatus.False);
    }

    /// <summary>The config hash annotation of the Deployment's pod template.</summary>
    /// <param name="deployment">The Deployment.</param>
    /// <returns>The hash, or null.</returns>
    public static string? ConfigHashOf(V1Deployment? deployment) =>
        deployment?.Spec?.Template?.Metadata?.Annotations is { } annotations && annotations.TryGetValue(AgentNames.ConfigHashAnnotation, out var hash) ? hash : null;
}
