using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Status;

/// <summary>Tells a NovaAgent status change that only reports a rollout's progress from one that says something new.</summary>
internal static class AgentStatusProgress
{
    /// <summary>
    /// True when <paramref name="computed"/> differs from <paramref name="cached"/> only in the Deployment's replica
    /// counts and condition messages (e.g. "1/1 updated, waiting for it to become ready" after "0/1 updated").
    /// A condition's status or reason, the generation, the config hash or the children's names are news and are
    /// never held back; nor is a first status.
    /// </summary>
    /// <param name="cached">The status as cached; null for an agent never written.</param>
    /// <param name="computed">The status just computed.</param>
    /// <returns>Whether the change is progress only.</returns>
    public static bool IsProgressOnly(NovaAgentStatus? cached, NovaAgentStatus computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        return cached is not null
            && cached.ObservedGeneration == computed.ObservedGeneration
            && cached.ConfigHash == computed.ConfigHash
            && cached.ConfigMapName == computed.ConfigMapName
            && cached.DeploymentName == computed.DeploymentName
            && Conditions.DifferOnlyInMessages(cached.Conditions, computed.Conditions);
    }
}
