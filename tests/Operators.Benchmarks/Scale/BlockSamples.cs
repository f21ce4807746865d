using System.Globalization;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Objects;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// BuildingBlocks shaped like the KVM block of <c>samples/openstack.yaml</c> (region and zone labels, a libvirt
/// agent template with a service config override and resources), each host with a unique name.
/// </summary>
internal static class BlockSamples
{
    private const string Zone = "qa-de-1a";

    /// <summary>The name of block number <paramref name="index"/>.</summary>
    public static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"bb{index:D4}");

    /// <summary>Block number <paramref name="index"/> with <paramref name="hosts"/> hosts, ready to be created.</summary>
    public static V1Alpha1BuildingBlock Create(string namespaceName, int index, int hosts)
    {
        var name = NameOf(index);
        return new V1Alpha1BuildingBlock
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = namespaceName,
                Labels = new Dictionary<string, string>
                {
                    ["topology.kubernetes.io/region"] = "qa-de-1",
                    ["topology.kubernetes.io/zone"] = Zone,
                },
            },
            Spec = new BuildingBlockSpec
            {
                AvailabilityZone = Zone,
                Hosts = [.. Enumerable.Range(1, hosts).Select(h => new BuildingBlockHost { Name = string.Create(CultureInfo.InvariantCulture, $"node{h:D3}-{name}") })],
                AgentTemplate = new AgentTemplate
                {
                    Image = "registry.example.com/openstack/nova-compute:2025.1",
                    ComputeDriver = "libvirt.LibvirtDriver",
                    GracefulShutdownSeconds = 300,
                    CustomServiceConfig = "[DEFAULT]\ncpu_allocation_ratio = 4.0\nram_allocation_ratio = 1.0\nreserved_host_memory_mb = 4096\n",
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("512Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("2Gi") },
                    },
                },
            },
        };
    }

    /// <summary>Whether the block is converged: its status is of its generation, every agent ready and <c>Ready=True</c>.</summary>
    public static bool IsConverged(V1Alpha1BuildingBlock block, int hosts)
    {
        var status = block.Status;
        return status is not null
            && status.ObservedGeneration == block.Metadata.Generation
            && status.DesiredAgents == hosts
            && status.ReadyAgents == hosts
            && Conditions.Find(status.Conditions, BuildingBlockConditions.Ready) is { Status: "True", Reason: BuildingBlockConditions.AllAgentsReady };
    }
}
