using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>Agents' readiness and service state, set by the test as the nova-agent operator would, flow into the block's status.</summary>
public sealed class ReadinessAndMaintenanceTests : OperatorTestBase
{
    private static readonly string[] Hosts = ["node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091"];

    [Test]
    public async Task Reconcile_AsAgentsBecomeReady_ReportsCountsAndThenReady()
    {
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(Hosts);

        foreach (var host in Hosts.Where(h => h != "node003-bb091"))
        {
            await SetAgentStatusAsync(host, ready: true, inService: true);
        }

        var partly = await WaitForBlockAsync(b => b.Status?.ReadyAgents == 3, "3 agents are ready");
        Ready(partly).Should().BeEquivalentTo(new { Status = "False", Reason = "AgentsNotReady", Message = "3/4 agents ready; not ready: node003-bb091" });
        partly.Status!.Agents!.Single(a => a.Name == "node003-bb091").Ready.Should().BeFalse();

        await SetAgentStatusAsync("node003-bb091", ready: true, inService: true);

        var ready = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AllAgentsReady);
        Ready(ready).Should().BeEquivalentTo(new { Status = "True", Message = "4/4 agents ready" });
        ready.Status!.ReadyAgents.Should().Be(4);
        ready.Status.Agents.Should().AllSatisfy(a => a.Should().BeEquivalentTo(new { Ready = true, InService = true }));
        Operator.AgentGauge(Ns, ready.Metadata.Name, "desired").Should().Be(4);
        Operator.AgentGauge(Ns, ready.Metadata.Name, "ready").Should().Be(4);
        Operator.AgentGauge(Ns, ready.Metadata.Name, "out_of_service").Should().Be(0);

        await SetAgentStatusAsync("node001-bb091", ready: false, inService: true);

        Ready(await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AgentsNotReady)).Message.Should().Be("3/4 agents ready; not ready: node001-bb091");
    }

    [Test]
    public async Task Reconcile_ThroughAMaintenanceCycle_PropagatesToEveryAgentAndMovesReasonsAndTimestampsInOrder()
    {
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(Hosts);
        foreach (var host in Hosts)
        {
            await SetAgentStatusAsync(host, ready: true, inService: true);
        }

        await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AllAgentsReady);

        // Enter: the pipeline patches spec.maintenance as DESIGN.md 6.1 shows.
        await Blocks.PatchAsync("bb091", ResourcePatch.Merge("""{"spec":{"maintenance":{"reason":"CHG0123456 BIOS update"}}}"""), Ns);

        await Eventually.HoldsAsync(async () => (await ListAgentsAsync()).All(a => a.Spec.Maintenance?.Reason == "CHG0123456 BIOS update"),
            "every agent carries the maintenance request");
        var entering = await WaitForReasonAsync(BuildingBlockConditions.Maintenance, BuildingBlockConditions.Entering);
        Maintenance(entering).Status.Should().Be("True");
        Ready(entering).Reason.Should().Be(BuildingBlockConditions.InMaintenance);
        var enteredAt = entering.Status!.Maintenance!.LastEnteredTime;
        enteredAt.Should().Be(Maintenance(entering).LastTransitionTime);
        entering.Status.Maintenance.Reason.Should().Be("CHG0123456 BIOS update");
        entering.Status.Maintenance.LastLeftTime.Should().BeNull();
        (await WaitForEventsAsync(EventReasons.MaintenanceEntered)).Should().ContainSingle();

        await SetAgentStatusAsync("node001-bb091", ready: false, inService: false);
        await SetAgentStatusAsync("node002-bb091", ready: false, inService: false);
        var halfway = await WaitForBlockAsync(b => b.Status?.OutOfServiceAgents == 2, "2 agents are out of service");
        Maintenance(halfway).Should().BeEquivalentTo(new
        {
            Reason = "Entering",
            Message = "\"CHG0123456 BIOS update\": 2/4 agents out of service; in service: node003-bb091, node004-bb091",
        });
        (await BlockEventsAsync(EventReasons.MaintenanceCompleted)).Should().BeEmpty();

        await SetAgentStatusAsync("node003-bb091", ready: false, inService: false);
        await SetAgentStatusAsync("node004-bb091", ready: false, inService: false);
        var inMaintenance = await WaitForReasonAsync(BuildingBlockConditions.Maintenance, BuildingBlockConditions.InMaintenance);
        Maintenance(inMaintenance).LastTransitionTime.Should().Be(enteredAt!.Value, "the status stayed True");
        inMaintenance.Status!.OutOfServiceAgents.Should().Be(4);
        (await WaitForEventsAsync(EventReasons.MaintenanceCompleted)).Should().ContainSingle();

        // Leave.
        await Blocks.PatchAsync("bb091", ResourcePatch.Merge("""{"spec":{"maintenance":null}}"""), Ns);

        await Eventually.HoldsAsync(async () => (await ListAgentsAsync()).All(a => a.Spec.Maintenance is null), "no agent carries a maintenance request");
        var leaving = await WaitForReasonAsync(BuildingBlockConditions.Maintenance, BuildingBlockConditions.Leaving);
        Maintenance(leaving).Status.Should().Be("False");
        leaving.Status!.Maintenance!.LastLeftTime.Should().Be(Maintenance(leaving).LastTransitionTime).And.BeOnOrAfter(enteredAt.Value);
        leaving.Status.Maintenance.LastEnteredTime.Should().Be(enteredAt);
        leaving.Status.Maintenance.Reason.Should().Be("CHG0123456 BIOS update", "the history keeps the last request's reason");
        (await WaitForEventsAsync(EventReasons.MaintenanceLeft)).Should().ContainSingle();

        foreach (var host in Hosts)
        {
            await SetAgentStatusAsync(host, ready: true, inService: true);
        }

        var operational = await WaitForReasonAsync(BuildingBlockConditions.Maintenance, BuildingBlockConditions.Operational);
        Maintenance(operational).LastTransitionTime.Should().Be(leaving.Status.Maintenance.LastLeftTime!.Value);
        (await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AllAgentsReady)).Status!.OutOfServiceAgents.Should().Be(0);
    }

    private static k8s.Models.V1Condition Ready(V1Alpha1BuildingBlock block) => Conditions.Find(block.Status?.Conditions, BuildingBlockConditions.Ready)!;

    private static k8s.Models.V1Condition Maintenance(V1Alpha1BuildingBlock block) => Conditions.Find(block.Status?.Conditions, BuildingBlockConditions.Maintenance)!;
}
