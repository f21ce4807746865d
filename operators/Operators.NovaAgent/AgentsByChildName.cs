using k8s;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;
using Operators.Runtime.Cache;
using Operators.Runtime.Controllers;

namespace Operators.NovaAgent;

/// <summary>
/// Maps a ConfigMap or Deployment named <c>nova-compute-&lt;host&gt;</c> to the NovaAgents of that
/// host in its namespace, whoever controls it (the builder's <c>Watches</c>). <c>Owns</c> only
/// reaches a child's controller, so without this map a NovaAgent blocked by a foreign child
/// (<c>OwnershipConflict</c>) would not hear that the child was deleted or handed over. The map reads
/// the NovaAgent cache through an index on <c>spec.host</c>; the reconciler attaches that cache when it
/// is built, which is before the controller adds its event handlers.
/// </summary>
internal sealed class AgentsByChildName
{
    /// <summary>The NovaAgent cache index of <c>namespace/spec.host</c>.</summary>
    public const string HostIndex = "spec.host";

    private volatile ISharedInformer<V1Alpha1NovaAgent>? _agents;

    /// <summary>Indexes <paramref name="agents"/> by host and uses it from now on.</summary>
    /// <param name="agents">The NovaAgent informer the controller watches.</param>
    public void Attach(ISharedInformer<V1Alpha1NovaAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        agents.Indexer.AddIndex(HostIndex, agent => [IndexValue(agent.Metadata.NamespaceProperty, agent.Spec.Host)]);
        _agents = agents;
    }

    /// <summary>The keys of the NovaAgents whose children would have <paramref name="child"/>'s name.</summary>
    /// <typeparam name="T">ConfigMap or Deployment.</typeparam>
    /// <param name="child">The changed object.</param>
    /// <returns>The keys; none before <see cref="Attach"/> or for other names.</returns>
    public IEnumerable<ReconcileRequest> Map<T>(T child)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(child);
        if (_agents is not { } agents || AgentNames.HostOf(child.Metadata?.Name) is not { } host)
        {
            return [];
        }

        var ns = child.Metadata!.NamespaceProperty ?? string.Empty;
        return agents.Indexer.ByIndex(HostIndex, IndexValue(ns, host)).Select(a => new ReconcileRequest(ns, a.Metadata.Name)).ToList();
    }

    private static string IndexValue(string? namespaceName, string host) => (namespaceName ?? string.Empty) + "/" + host;
}
