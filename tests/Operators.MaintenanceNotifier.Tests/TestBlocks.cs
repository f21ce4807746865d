using k8s.Models;
using Operators.Api.BuildingBlocks;

namespace Operators.MaintenanceNotifier.Tests;

/// <summary>BuildingBlock objects for unit tests and for writing to the API server.</summary>
internal static class TestBlocks
{
    /// <summary>A block with a spec (zone qa-de-1a, two hosts) and no status.</summary>
    public static V1Alpha1BuildingBlock New(string name, string? ns = null, string? uid = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = uid, Labels = labels },
        Spec = new BuildingBlockSpec
        {
            AvailabilityZone = "qa-de-1a",
            Hosts = [new BuildingBlockHost { Name = "node001-" + name }, new BuildingBlockHost { Name = "node002-" + name }],
            AgentTemplate = new AgentTemplate { Image = "registry.example/nova-compute:2025.1" },
        },
    };

    /// <summary>Sets the maintenance status: the condition and the two timestamps, as the building-block operator writes them.</summary>
    public static V1Alpha1BuildingBlock WithMaintenance(this V1Alpha1BuildingBlock block, bool inMaintenance, DateTime? entered, DateTime? left, string reason = "CHG0123456 BIOS update")
    {
        block.Status = new BuildingBlockStatus
        {
            ObservedGeneration = block.Metadata.Generation,
            Conditions =
            [
                new V1Condition
                {
                    Type = BuildingBlockConditions.Maintenance,
                    Status = inMaintenance ? "True" : "False",
                    Reason = inMaintenance ? BuildingBlockConditions.InMaintenance : BuildingBlockConditions.Operational,
                    Message = inMaintenance ? "all agents out of service" : "all agents in service",
                    LastTransitionTime = (inMaintenance ? entered : left) ?? entered ?? new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                    ObservedGeneration = block.Metadata.Generation,
                },
            ],
            Maintenance = new MaintenanceHistory { LastEnteredTime = entered, LastLeftTime = left, Reason = reason },
        };
        return block;
    }
}
