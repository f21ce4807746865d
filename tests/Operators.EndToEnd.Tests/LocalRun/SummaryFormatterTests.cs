using FluentAssertions;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class SummaryFormatterTests
{
    [Test]
    public void Format_ShowsEachBlockAgentTotalsAndDeliveriesByPhase()
    {
        V1Alpha1BuildingBlock[] blocks =
        [
            Block("bb091", 4, 0, Condition("Ready", "False", "InMaintenance"), Condition("Maintenance", "True", "InMaintenance"), reason: "CHG0123456 BIOS update"),
            Block("bb164", 1, 1, Condition("Ready", "True", "AllAgentsReady"), Condition("Maintenance", "False", "Operational")),
        ];
        V1Alpha1NovaAgent[] agents =
        [
            Agent(ready: false, inService: false, replicas: 0),
            Agent(ready: true, inService: true, replicas: 1),
        ];
        V1Alpha1MaintenanceNotifier[] notifiers =
        [
            Notifier("compute-oncall", ("bb091", "Entered", "Delivered", 2), ("bb092", "Left", "Retrying", 1)),
            Notifier("slack"),
        ];

        var lines = SummaryFormatter.Format(blocks, agents, notifiers);

        lines.Should().Equal(
            "bb091  agents 0/4 ready  NotReady(InMaintenance)  maintenance: InMaintenance \"CHG0123456 BIOS update\"",
            "bb164  agents 1/1 ready  Ready                    maintenance: Operational",
            "agents: 2 (1 ready, 1 out of service, 1 replicas running)",
            "deliveries: compute-oncall 1 Delivered, 1 Retrying (last: bb091 Entered) · slack none yet");
    }

    [Test]
    public void Format_OfAnEmptySystem_SaysSo()
    {
        SummaryFormatter.Format([], [], []).Should().Equal("no building blocks yet", "agents: 0 (0 ready, 0 out of service, 0 replicas running)", "deliveries: no notifiers");
    }

    [Test]
    public void Format_OfABlockWithoutStatus_ShowsItPending()
    {
        var block = new V1Alpha1BuildingBlock { Metadata = new V1ObjectMeta { Name = "bb1" }, Spec = new BuildingBlockSpec { Hosts = [new BuildingBlockHost { Name = "h" }] } };

        SummaryFormatter.Format([block], [], [])[0].Should().Be("bb1  agents 0/1 ready  pending                  maintenance: -");
    }

    private static V1Condition Condition(string type, string status, string reason) => new() { Type = type, Status = status, Reason = reason };

    private static V1Alpha1BuildingBlock Block(string name, int desired, int ready, V1Condition readyCondition, V1Condition maintenance, string? reason = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "openstack" },
        Status = new BuildingBlockStatus
        {
            DesiredAgents = desired,
            ReadyAgents = ready,
            Conditions = [readyCondition, maintenance],
            Maintenance = reason is null ? null : new MaintenanceHistory { Reason = reason },
        },
    };

    private static V1Alpha1NovaAgent Agent(bool ready, bool inService, int replicas) => new()
    {
        Status = new NovaAgentStatus
        {
            Replicas = replicas,
            Conditions = [Condition("Ready", ready ? "True" : "False", "x"), Condition("InService", inService ? "True" : "False", "x")],
        },
    };

    private static V1Alpha1MaintenanceNotifier Notifier(string name, params (string Block, string Event, string Phase, int Minute)[] deliveries) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Status = new MaintenanceNotifierStatus
        {
            Deliveries = [.. deliveries.Select(d => new DeliveryRecord
            {
                BuildingBlock = d.Block,
                Event = d.Event,
                Phase = d.Phase,
                TransitionTime = new DateTime(2026, 11, 26, 10, d.Minute, 0, DateTimeKind.Utc),
            })],
        },
    };
}
