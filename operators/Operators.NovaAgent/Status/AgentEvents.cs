using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;
using Operators.Runtime.Events;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Status;

/// <summary>
/// The Events of a reconcile, decided from what changed (pure). Steady state gives none:
/// <list type="bullet">
/// <item><c>ConfigMapCreated</c>, <c>DeploymentCreated</c>: a child was created (also when it was deleted by hand);</item>
/// <item><c>ConfigChanged</c>: the rendered configuration changed (old and new hash);</item>
/// <item><c>RolloutStarted</c>: the Deployment's pod template changed (config hash, image or other fields);</item>
/// <item><c>RolloutCompleted</c>: Ready turned from <c>Progressing</c> to <c>Available</c>;</item>
/// <item><c>MaintenanceStarted</c>, <c>OutOfService</c>, <c>BackInService</c>: InService went to Stopping or Maintenance, to Maintenance, back to Enabled;</item>
/// <item>Warnings <c>OwnershipConflict</c>, <c>InvalidSpec</c>: Ready turned to that reason or its message changed.</item>
/// </list>
/// </summary>
internal static class AgentEvents
{
    /// <summary>Reason of the Event for a created ConfigMap.</summary>
    public const string ConfigMapCreated = "ConfigMapCreated";

    /// <summary>Reason of the Event for a created Deployment.</summary>
    public const string DeploymentCreated = "DeploymentCreated";

    /// <summary>Reason of the Event for a changed configuration.</summary>
    public const string ConfigChanged = "ConfigChanged";

    /// <summary>Reason of the Event for a changed pod template.</summary>
    public const string RolloutStarted = "RolloutStarted";

    /// <summary>Reason of the Event for a finished rollout.</summary>
    public const string RolloutCompleted = "RolloutCompleted";

    /// <summary>Reason of the Event for a maintenance request taking effect.</summary>
    public const string MaintenanceStarted = "MaintenanceStarted";

    /// <summary>Reason of the Event for an agent stopped for maintenance.</summary>
    public const string OutOfService = "OutOfService";

    /// <summary>Reason of the Event for an agent back from maintenance.</summary>
    public const string BackInService = "BackInService";

    /// <summary>The Events for what happened to the ConfigMap.</summary>
    /// <param name="result">What <c>CreateOrPatch</c> did.</param>
    /// <param name="name">The ConfigMap's name.</param>
    /// <param name="previousHash">The hash of the data before (null when it did not exist).</param>
    /// <param name="hash">The hash of the data now.</param>
    /// <returns>None, or one Event.</returns>
    public static IReadOnlyList<AgentEvent> ForConfigMap(OperationResult result, string name, string? previousHash, string hash) => result switch
    {
        OperationResult.Created => [new(EventType.Normal, ConfigMapCreated, $"created ConfigMap {name} with config {ConfigHash.Short(hash)}")],
        OperationResult.Patched when previousHash != hash =>
            [new(EventType.Normal, ConfigChanged, $"configuration in ConfigMap {name} changed from {ConfigHash.Short(previousHash)} to {ConfigHash.Short(hash)}")],
        _ => [],
    };

    /// <summary>The Events for what happened to the Deployment.</summary>
    /// <param name="result">What <c>CreateOrPatch</c> did.</param>
    /// <param name="before">The Deployment before (null when it did not exist).</param>
    /// <param name="after">The Deployment as written.</param>
    /// <param name="templateChanged">Whether the pod template changed.</param>
    /// <returns>None, or one Event.</returns>
    public static IReadOnlyList<AgentEvent> ForDeployment(OperationResult result, V1Deployment? before, V1Deployment after, bool templateChanged)
    {
        ArgumentNullException.ThrowIfNull(after);
        var name = after.Metadata.Name;
        if (result == OperationResult.Created)
        {
            return [new(EventType.Normal, DeploymentCreated, $"created Deployment {name} with {after.Spec?.Replicas ?? 1} replica(s)")];
        }

        if (result != OperationResult.Patched || !templateChanged)
        {
            return [];
        }

        var oldHash = AgentConditionTable.ConfigHashOf(before);
        var newHash = AgentConditionTable.ConfigHashOf(after);
        var oldImage = ImageOf(before);
        var newImage = ImageOf(after);
        var what = new List<string>();
        if (oldHash != newHash)
        {
            what.Add($"config {ConfigHash.Short(oldHash)} -> {ConfigHash.Short(newHash)}");
        }

        if (oldImage != newImage)
        {
            what.Add($"image {oldImage ?? "none"} -> {newImage}");
        }

        return [new(EventType.Normal, RolloutStarted, $"rolling out Deployment {name}: {(what.Count == 0 ? "pod template restored" : string.Join(", ", what))}")];
    }

    /// <summary>The Events for changes of the conditions.</summary>
    /// <param name="before">The status before (null when none).</param>
    /// <param name="after">The status now.</param>
    /// <returns>The Events, in order.</returns>
    public static IReadOnlyList<AgentEvent> ForConditions(NovaAgentStatus? before, NovaAgentStatus after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<AgentEvent>();
        var readyBefore = Conditions.Find(before?.Conditions, NovaAgentConditions.Ready);
        var readyAfter = Conditions.Find(after.Conditions, NovaAgentConditions.Ready);
        if (readyAfter is { Reason: NovaAgentConditions.OwnershipConflict or NovaAgentConditions.InvalidSpec }
            && (readyBefore?.Reason != readyAfter.Reason || readyBefore.Message != readyAfter.Message))
        {
            events.Add(new(EventType.Warning, readyAfter.Reason, readyAfter.Message));
        }

        if (readyAfter?.Reason == NovaAgentConditions.Available && readyBefore?.Reason == NovaAgentConditions.Progressing)
        {
            events.Add(new(EventType.Normal, RolloutCompleted, readyAfter.Message));
        }

        var serviceBefore = Conditions.Find(before?.Conditions, NovaAgentConditions.InService)?.Reason;
        var serviceAfter = Conditions.Find(after.Conditions, NovaAgentConditions.InService);
        var wasOut = serviceBefore is NovaAgentConditions.Stopping or NovaAgentConditions.Maintenance;
        if (serviceAfter?.Reason is NovaAgentConditions.Stopping or NovaAgentConditions.Maintenance && !wasOut)
        {
            events.Add(new(EventType.Normal, MaintenanceStarted, serviceAfter.Reason == NovaAgentConditions.Stopping ? serviceAfter.Message : "maintenance requested"));
        }

        if (serviceAfter?.Reason == NovaAgentConditions.Maintenance && serviceBefore != NovaAgentConditions.Maintenance)
        {
            events.Add(new(EventType.Normal, OutOfService, serviceAfter.Message));
        }

        if (serviceAfter?.Reason == NovaAgentConditions.Enabled && wasOut)
        {
            events.Add(new(EventType.Normal, BackInService, $"maintenance ended: Deployment {after.DeploymentName} back to 1 replica"));
        }

        return events;
    }

    private static string? ImageOf(V1Deployment? deployment) =>
        deployment?.Spec?.Template?.Spec?.Containers?.FirstOrDefault(c => c.Name == AgentNames.ContainerName)?.Image;
}
