using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests;

/// <summary>Builds blocks and agents for tests (the sample block bb091 of DESIGN.md section 6.4).</summary>
internal static class TestObjects
{
    public const string Image = "registry.example.com/openstack/nova-compute:2025.1";

    public static V1Alpha1BuildingBlock Block(string name = "bb091", string ns = "openstack", int hosts = 4, string zone = "qa-de-1a") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new BuildingBlockSpec
        {
            AvailabilityZone = zone,
            Hosts = [.. Enumerable.Range(1, hosts).Select(i => new BuildingBlockHost { Name = HostName(i, name) })],
            AgentTemplate = new AgentTemplate { Image = Image },
        },
    };

    public static string HostName(int i, string block = "bb091") => $"node{i:000}-{block}";

    /// <summary>The block as the API server returns it: uid and generation set.</summary>
    public static V1Alpha1BuildingBlock Stored(this V1Alpha1BuildingBlock block, long generation = 1)
    {
        block.Metadata.Uid = "uid-" + block.Metadata.Name;
        block.Metadata.Generation = generation;
        return block;
    }

    /// <summary>An agent of the block with the given Ready and InService conditions (null: absent).</summary>
    public static V1Alpha1NovaAgent Agent(string name, bool? ready = null, bool? inService = null)
    {
        var conditions = new List<V1Condition>();
        if (ready is { } r)
        {
            conditions.Add(new V1Condition { Type = NovaAgentConditions.Ready, Status = r ? ConditionStatus.True : ConditionStatus.False, Reason = r ? "Available" : "Progressing" });
        }

        if (inService is { } s)
        {
            conditions.Add(new V1Condition { Type = NovaAgentConditions.InService, Status = s ? ConditionStatus.True : ConditionStatus.False, Reason = s ? "Enabled" : "Maintenance" });
        }

        return new V1Alpha1NovaAgent
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "openstack" },
            Spec = new NovaAgentSpec { Host = name, AvailabilityZone = "qa-de-1a", Image = Image },
            Status = new NovaAgentStatus { Conditions = conditions },
        };
    }

    public static MaintenanceRequest Maintenance(string reason = "CHG0123456 BIOS update") => new() { Reason = reason };
}
