using System.Text.Json;
using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests;

public sealed class BlockStatusCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void StartTheClock() => _time = new FakeTimeProvider(Start);

    [Test]
    public void Compute_ForNewAgentsWithoutStatus_CountsThemNotReadyAndInService()
    {
        var block = TestObjects.Block().Stored(generation: 3);
        var agents = Names(4).Select(n => TestObjects.Agent(n)).Reverse().ToList();

        var status = Compute(block, agents);

        status.ObservedGeneration.Should().Be(3);
        status.DesiredAgents.Should().Be(4);
        status.ReadyAgents.Should().Be(0);
        status.OutOfServiceAgents.Should().Be(0);
        status.Agents!.Select(a => a.Name).Should().Equal(Names(4), "agents are sorted by name");
        status.Agents.Should().AllSatisfy(a => a.Should().BeEquivalentTo(new { Ready = false, InService = true }));
        ShouldHave(status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.AgentsNotReady,
            "0/4 agents ready; not ready: node001-bb091, node002-bb091, node003-bb091, node004-bb091");
        ShouldHave(status, BuildingBlockConditions.Maintenance, ConditionStatus.False, BuildingBlockConditions.Operational,
            "no maintenance requested; 4/4 agents in service");
        status.Conditions.Should().AllSatisfy(c =>
        {
            c.ObservedGeneration.Should().Be(3);
            c.LastTransitionTime.Should().Be(Start.UtcDateTime);
        });
        status.Maintenance.Should().BeNull("the block has never been in maintenance");
    }

    [Test]
    public void Compute_WhenOneAgentIsNotReady_NamesItWithTheCount()
    {
        var block = TestObjects.Block().Stored();

        var status = Compute(block, [Ready(1), Ready(2), TestObjects.Agent(Name(3), ready: false, inService: true), Ready(4)]);

        status.ReadyAgents.Should().Be(3);
        ShouldHave(status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.AgentsNotReady, "3/4 agents ready; not ready: node003-bb091");
    }

    [Test]
    public void Compute_WhenEveryAgentIsReady_IsReady_AndTheTransitionTimeMovesOnlyWithTheStatus()
    {
        var block = TestObjects.Block().Stored();
        block.Status = Compute(block, [TestObjects.Agent(Name(1)), Ready(2), Ready(3), Ready(4)]);
        _time.Advance(TimeSpan.FromMinutes(1));

        var ready = Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);

        ShouldHave(ready, BuildingBlockConditions.Ready, ConditionStatus.True, BuildingBlockConditions.AllAgentsReady, "4/4 agents ready");
        Conditions.Find(ready.Conditions, BuildingBlockConditions.Ready)!.LastTransitionTime.Should().Be(Start.AddMinutes(1).UtcDateTime);
        Conditions.Find(ready.Conditions, BuildingBlockConditions.Maintenance)!.LastTransitionTime.Should().Be(Start.UtcDateTime, "Maintenance stayed False");
    }

    [Test]
    public void Compute_WithoutHosts_IsReadyWithNoHosts()
    {
        var status = Compute(TestObjects.Block(hosts: 0).Stored(), []);

        status.DesiredAgents.Should().Be(0);
        status.Agents.Should().BeEmpty();
        ShouldHave(status, BuildingBlockConditions.Ready, ConditionStatus.True, BuildingBlockConditions.NoHosts, "the block has no hosts");
        ShouldHave(status, BuildingBlockConditions.Maintenance, ConditionStatus.False, BuildingBlockConditions.Operational, "no maintenance requested; 0/0 agents in service");
    }

    [Test]
    public void Compute_WithAConflict_ReportsHostConflictBeforeMaintenanceAndReadiness()
    {
        var block = TestObjects.Block().Stored();
        block.Spec.Maintenance = TestObjects.Maintenance();
        var other = new V1OwnerReference { Kind = "BuildingBlock", Name = "bb090", Uid = "uid-bb090", Controller = true };

        var status = Compute(block, [Ready(1), Ready(3)], [new HostConflict(Name(4), null), new HostConflict(Name(2), other)]);

        status.DesiredAgents.Should().Be(4);
        status.Agents!.Select(a => a.Name).Should().Equal(Name(1), Name(3));
        ShouldHave(status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.HostConflict,
            "2 hosts conflict, left untouched: NovaAgent node002-bb091 is controlled by BuildingBlock bb090; NovaAgent node004-bb091 exists without a controller");
        Conditions.Find(status.Conditions, BuildingBlockConditions.Maintenance)!.Reason.Should().Be(BuildingBlockConditions.Entering,
            "a conflicting host is not out of service as far as the block can tell");
    }

    [Test]
    public void Compute_ConflictWithAnAgentOfAnEarlierBlockOfTheSameName_SaysTheCollectorRemovesIt()
    {
        var block = TestObjects.Block(hosts: 1).Stored();
        var earlier = new V1OwnerReference { Kind = "BuildingBlock", Name = "bb091", Uid = "old-uid", Controller = true };

        var status = Compute(block, [], [new HostConflict(Name(1), earlier)]);

        Conditions.Find(status.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be(
            "1 host conflicts, left untouched: NovaAgent node001-bb091 is controlled by an earlier BuildingBlock bb091 (uid old-uid), which the garbage collector removes");
    }

    [Test]
    public void Compute_ThroughAMaintenanceCycle_MovesReasonsAndTimestampsInOrder()
    {
        var block = TestObjects.Block().Stored();
        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);
        var entered = Start.AddMinutes(1);
        _time.SetUtcNow(entered);
        block.Spec.Maintenance = TestObjects.Maintenance();

        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);
        ShouldHave(block.Status, BuildingBlockConditions.Maintenance, ConditionStatus.True, BuildingBlockConditions.Entering,
            "\"CHG0123456 BIOS update\": 0/4 agents out of service; in service: node001-bb091, node002-bb091, node003-bb091, node004-bb091");
        ShouldHave(block.Status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.InMaintenance, "maintenance in effect: 0/4 agents out of service");
        block.Status.Maintenance.Should().BeEquivalentTo(new MaintenanceHistory { LastEnteredTime = entered.UtcDateTime, Reason = "CHG0123456 BIOS update" });

        _time.Advance(TimeSpan.FromMinutes(1));
        block.Status = Compute(block, [Out(1), Out(2), Ready(3), Ready(4)]);
        ShouldHave(block.Status, BuildingBlockConditions.Maintenance, ConditionStatus.True, BuildingBlockConditions.Entering,
            "\"CHG0123456 BIOS update\": 2/4 agents out of service; in service: node003-bb091, node004-bb091");
        block.Status.OutOfServiceAgents.Should().Be(2);

        _time.Advance(TimeSpan.FromMinutes(1));
        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Out)]);
        ShouldHave(block.Status, BuildingBlockConditions.Maintenance, ConditionStatus.True, BuildingBlockConditions.InMaintenance,
            "\"CHG0123456 BIOS update\": all 4 agents out of service");
        Conditions.Find(block.Status.Conditions, BuildingBlockConditions.Maintenance)!.LastTransitionTime.Should().Be(entered.UtcDateTime);
        block.Status.Maintenance!.LastEnteredTime.Should().Be(entered.UtcDateTime);

        var left = _time.GetUtcNow().AddMinutes(5);
        _time.SetUtcNow(left);
        block.Spec.Maintenance = null;
        block.Status = Compute(block, [Out(1), Out(2), Out(3), Ready(4)]);
        ShouldHave(block.Status, BuildingBlockConditions.Maintenance, ConditionStatus.False, BuildingBlockConditions.Leaving,
            "maintenance request removed; 3/4 agents still out of service: node001-bb091, node002-bb091, node003-bb091");
        ShouldHave(block.Status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.AgentsNotReady,
            "1/4 agents ready; not ready: node001-bb091, node002-bb091, node003-bb091");
        block.Status.Maintenance.Should().BeEquivalentTo(new MaintenanceHistory
        {
            LastEnteredTime = entered.UtcDateTime,
            LastLeftTime = left.UtcDateTime,
            Reason = "CHG0123456 BIOS update",
        });

        _time.Advance(TimeSpan.FromMinutes(1));
        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);
        ShouldHave(block.Status, BuildingBlockConditions.Maintenance, ConditionStatus.False, BuildingBlockConditions.Operational, "no maintenance requested; 4/4 agents in service");
        Conditions.Find(block.Status.Conditions, BuildingBlockConditions.Maintenance)!.LastTransitionTime.Should().Be(left.UtcDateTime);
        block.Status.Maintenance!.LastLeftTime.Should().Be(left.UtcDateTime);
        ShouldHave(block.Status, BuildingBlockConditions.Ready, ConditionStatus.True, BuildingBlockConditions.AllAgentsReady, "4/4 agents ready");
    }

    [Test]
    public void Compute_WhenTheReasonChangesDuringMaintenance_KeepsTheEnteredTimeAndTakesTheNewReason()
    {
        var block = TestObjects.Block().Stored();
        block.Spec.Maintenance = TestObjects.Maintenance();
        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Out)]);
        _time.Advance(TimeSpan.FromMinutes(1));
        block.Spec.Maintenance = TestObjects.Maintenance("CHG0999999 firmware");

        var status = Compute(block, [.. Enumerable.Range(1, 4).Select(Out)]);

        status.Maintenance.Should().BeEquivalentTo(new MaintenanceHistory { LastEnteredTime = Start.UtcDateTime, Reason = "CHG0999999 firmware" });
    }

    [Test]
    public void Compute_WithManyAgentsNotReady_ListsTenAndCountsTheRest()
    {
        var block = TestObjects.Block(hosts: 13).Stored();

        var status = Compute(block, []);

        Conditions.Find(status.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be(
            "0/13 agents ready; not ready: " + string.Join(", ", Names(10)) + " and 3 more");
    }

    [Test]
    public void Compute_OnItsOwnResult_GivesTheSameStatus_SoNothingIsWritten()
    {
        var block = TestObjects.Block().Stored();
        block.Spec.Maintenance = TestObjects.Maintenance();
        List<V1Alpha1NovaAgent> agents = [Out(1), Ready(2), TestObjects.Agent(Name(3)), Out(4)];
        block.Status = RoundTrip(Compute(block, agents));
        _time.Advance(TimeSpan.FromHours(1));

        var again = Compute(block, agents);

        Json(again).Should().Be(Json(block.Status));
    }

    [Test]
    public void Compute_DoesNotChangeTheCachedStatus()
    {
        var block = TestObjects.Block().Stored();
        block.Status = Compute(block, []);
        var before = Json(block.Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        block.Spec.Maintenance = TestObjects.Maintenance();

        Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);

        Json(block.Status).Should().Be(before);
    }

    [Test]
    public void Invalid_SetsInvalidSpecWithEveryProblem_AndKeepsTheRestOfTheStatus()
    {
        var block = TestObjects.Block().Stored(generation: 1);
        block.Status = Compute(block, [.. Enumerable.Range(1, 4).Select(Ready)]);
        block.Metadata.Generation = 2;
        _time.Advance(TimeSpan.FromMinutes(1));

        var status = BlockStatusCalculator.Invalid(block, ["spec.hosts[2].name: duplicate host \"node001-bb091\"", "metadata.name: too long"], _time.GetUtcNow());

        status.ObservedGeneration.Should().Be(2);
        ShouldHave(status, BuildingBlockConditions.Ready, ConditionStatus.False, BuildingBlockConditions.InvalidSpec,
            "spec.hosts[2].name: duplicate host \"node001-bb091\"; metadata.name: too long");
        Conditions.Find(status.Conditions, BuildingBlockConditions.Ready)!.LastTransitionTime.Should().Be(Start.AddMinutes(1).UtcDateTime);
        status.ReadyAgents.Should().Be(4);
        Conditions.Find(status.Conditions, BuildingBlockConditions.Maintenance)!.Reason.Should().Be(BuildingBlockConditions.Operational);
    }

    private static string Name(int i) => TestObjects.HostName(i);

    private static List<string> Names(int count) => [.. Enumerable.Range(1, count).Select(Name)];

    private static V1Alpha1NovaAgent Ready(int i) => TestObjects.Agent(Name(i), ready: true, inService: true);

    private static V1Alpha1NovaAgent Out(int i) => TestObjects.Agent(Name(i), ready: false, inService: false);

    private static string Json(BuildingBlockStatus? status) => JsonSerializer.Serialize(status, OpenStackJsonContext.Default.BuildingBlockStatus!);

    private static BuildingBlockStatus RoundTrip(BuildingBlockStatus status) =>
        JsonSerializer.Deserialize(Json(status), OpenStackJsonContext.Default.BuildingBlockStatus)!;

    private static void ShouldHave(BuildingBlockStatus status, string type, string expectedStatus, string reason, string message)
    {
        var condition = Conditions.Find(status.Conditions, type);
        condition.Should().NotBeNull($"the {type} condition is set");
        condition!.Should().BeEquivalentTo(new { Status = expectedStatus, Reason = reason, Message = message }, $"of the {type} condition");
    }

    private BuildingBlockStatus Compute(V1Alpha1BuildingBlock block, IReadOnlyCollection<V1Alpha1NovaAgent> agents, IReadOnlyCollection<HostConflict>? conflicts = null) =>
        BlockStatusCalculator.Compute(block, agents, conflicts ?? [], _time.GetUtcNow());
}
