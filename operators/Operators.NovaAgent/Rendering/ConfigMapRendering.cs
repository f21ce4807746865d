using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Rendering;

/// <summary>Renders the agent's ConfigMap <c>nova-compute-&lt;host&gt;</c> onto a new or live object.</summary>
internal static class ConfigMapRendering
{
    /// <summary>A new ConfigMap with only its name and namespace, for <see cref="Apply"/> to fill.</summary>
    /// <param name="agent">The NovaAgent.</param>
    /// <returns>The skeleton.</returns>
    public static V1ConfigMap Skeleton(V1Alpha1NovaAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new V1ConfigMap
        {
            ApiVersion = V1ConfigMap.KubeApiVersion,
            Kind = V1ConfigMap.KubeKind,
            Metadata = new V1ObjectMeta { Name = AgentNames.ChildName(agent.Spec.Host), NamespaceProperty = agent.Metadata.NamespaceProperty },
        };
    }

    /// <summary>
    /// Sets what the operator owns: its labels (others' labels stay), the controller reference and
    /// the whole data (<c>data</c> exactly <paramref name="data"/>, no <c>binaryData</c>).
    /// </summary>
    /// <param name="target">The new or live ConfigMap.</param>
    /// <param name="agent">The controlling NovaAgent.</param>
    /// <param name="data">The rendered files (see <see cref="NovaComputeConfig.Data"/>).</param>
    /// <exception cref="AlreadyControlledException">The ConfigMap has another controller.</exception>
    public static void Apply(V1ConfigMap target, V1Alpha1NovaAgent agent, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(data);
        target.Metadata ??= new V1ObjectMeta();
        target.Metadata.Labels = AgentLabels.Merge(target.Metadata.Labels, AgentLabels.For(agent.Spec));
        OwnerReferences.SetController(agent, target);
        target.Data = new Dictionary<string, string>(data, StringComparer.Ordinal);
        target.BinaryData = null;
    }
}
