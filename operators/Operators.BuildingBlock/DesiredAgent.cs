using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock;

/// <summary>
/// The NovaAgent a block wants for one of its hosts (DESIGN.md sections 6.0 and 6.1): named after the
/// host, in the block's namespace, controlled by the block, labelled, and with a spec made of the
/// block's agent template plus the host, block, zone, maintenance request and node pin. Pure.
/// </summary>
internal static class DesiredAgent
{
    /// <summary>The value of <see cref="WellKnownLabels.ManagedBy"/> on every agent this operator writes.</summary>
    public const string ManagedBy = "building-block";

    /// <summary>A new agent for <paramref name="host"/>: name and namespace only; <see cref="Apply"/> sets the rest.</summary>
    /// <param name="block">The owning block.</param>
    /// <param name="host">The host.</param>
    /// <returns>The object to create when the agent does not exist.</returns>
    public static V1Alpha1NovaAgent New(V1Alpha1BuildingBlock block, BuildingBlockHost host) =>
        new() { Metadata = new V1ObjectMeta { Name = host.Name, NamespaceProperty = block.Metadata.NamespaceProperty } };

    /// <summary>
    /// Sets what the block owns on <paramref name="agent"/> (a new object or a copy of the live one): its
    /// labels (others' labels are kept), the controller reference to the block, and the whole spec, so a
    /// hand edit of the agent's spec is reverted.
    /// </summary>
    /// <param name="block">The owning block, as read from the API (it needs its uid).</param>
    /// <param name="host">The host.</param>
    /// <param name="agent">The agent to change.</param>
    /// <exception cref="AlreadyControlledException">The agent has another controller (callers check first).</exception>
    public static void Apply(V1Alpha1BuildingBlock block, BuildingBlockHost host, V1Alpha1NovaAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var labels = agent.Metadata.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Labels(block, host))
        {
            labels[key] = value;
        }

        agent.Metadata.Labels = labels;
        OwnerReferences.SetController(block, agent);
        agent.Spec = Spec(block, host);
    }

    /// <summary>The labels of section 6.0.</summary>
    /// <param name="block">The owning block.</param>
    /// <param name="host">The host.</param>
    /// <returns>managed-by, part-of, building-block, host and zone.</returns>
    public static IReadOnlyDictionary<string, string> Labels(V1Alpha1BuildingBlock block, BuildingBlockHost host)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(host);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [WellKnownLabels.ManagedBy] = ManagedBy,
            [WellKnownLabels.PartOf] = WellKnownLabels.PartOfValue,
            [WellKnownLabels.BuildingBlock] = block.Metadata.Name,
            [WellKnownLabels.Host] = host.Name,
            [WellKnownLabels.Zone] = block.Spec.AvailabilityZone,
        };
    }

    /// <summary>
    /// The agent's spec. Template fields the schema defaults are filled in with the same defaults, so an
    /// agent written here never differs from what the API server stores (which would make every
    /// reconcile patch again).
    /// </summary>
    /// <param name="block">The owning block.</param>
    /// <param name="host">The host.</param>
    /// <returns>A new spec; nothing in it is shared with the cached block except read-only template values.</returns>
    public static NovaAgentSpec Spec(V1Alpha1BuildingBlock block, BuildingBlockHost host)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(host);
        var template = block.Spec.AgentTemplate;
        var driver = template.ComputeDriver ?? ComputeDrivers.Libvirt;
        return new NovaAgentSpec
        {
            Host = host.Name,
            BuildingBlock = block.Metadata.Name,
            AvailabilityZone = block.Spec.AvailabilityZone,
            Image = template.Image,
            ComputeDriver = driver,
            NodeName = NodeName(host, driver),
            GracefulShutdownSeconds = template.GracefulShutdownSeconds ?? NovaAgentSpec.DefaultGracefulShutdownSeconds,
            CustomServiceConfig = template.CustomServiceConfig,
            Resources = template.Resources,
            NodeSelector = template.NodeSelector is null ? null : new Dictionary<string, string>(template.NodeSelector, StringComparer.Ordinal),
            Maintenance = block.Spec.Maintenance is { } maintenance ? new MaintenanceRequest { Reason = maintenance.Reason } : null,
        };
    }

    /// <summary>
    /// The Kubernetes node the agent is pinned to: the host's <c>nodeName</c>; without one, the host's
    /// name with the libvirt driver (one agent per hypervisor node); otherwise none.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="computeDriver">The block's driver; null means the default, libvirt.</param>
    /// <returns>The node name, or null for an unpinned agent.</returns>
    public static string? NodeName(BuildingBlockHost host, string? computeDriver)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!string.IsNullOrEmpty(host.NodeName))
        {
            return host.NodeName;
        }

        return (computeDriver ?? ComputeDrivers.Libvirt) == ComputeDrivers.Libvirt ? host.Name : null;
    }
}
