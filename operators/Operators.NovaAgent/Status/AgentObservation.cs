using k8s.Models;

namespace Operators.NovaAgent.Status;

/// <summary>What a reconcile found and did, as the input of <see cref="AgentStatusBuilder"/>.</summary>
internal sealed record AgentObservation
{
    /// <summary>Gets the Deployment the NovaAgent controls, as written or cached; null when there is none.</summary>
    public V1Deployment? Deployment { get; init; }

    /// <summary>Gets the name of the rendered ConfigMap; null when nothing was rendered.</summary>
    public string? ConfigMapName { get; init; }

    /// <summary>Gets the name of the rendered Deployment; null when nothing was rendered.</summary>
    public string? DeploymentName { get; init; }

    /// <summary>Gets the hash of the rendered configuration; null when nothing was rendered.</summary>
    public string? ConfigHash { get; init; }

    /// <summary>Gets the reason that stopped rendering (<c>OwnershipConflict</c>, <c>InvalidSpec</c>); null when rendered.</summary>
    public string? BlockedReason { get; init; }

    /// <summary>Gets the message of <see cref="BlockedReason"/>.</summary>
    public string? BlockedMessage { get; init; }

    /// <summary>Both children were rendered.</summary>
    /// <param name="deployment">The Deployment as written (or unchanged from the cache).</param>
    /// <param name="configMapName">The ConfigMap's name.</param>
    /// <param name="configHash">The hash of its data.</param>
    /// <returns>The observation.</returns>
    public static AgentObservation Rendered(V1Deployment deployment, string configMapName, string configHash)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new AgentObservation
        {
            Deployment = deployment,
            ConfigMapName = configMapName,
            DeploymentName = deployment.Metadata.Name,
            ConfigHash = configHash,
        };
    }

    /// <summary>Nothing was rendered.</summary>
    /// <param name="reason">The Ready reason.</param>
    /// <param name="message">The Ready message.</param>
    /// <param name="controlled">A Deployment the NovaAgent still controls, if any.</param>
    /// <returns>The observation.</returns>
    public static AgentObservation Blocked(string reason, string message, V1Deployment? controlled) =>
        new() { BlockedReason = reason, BlockedMessage = message, Deployment = controlled };
}
