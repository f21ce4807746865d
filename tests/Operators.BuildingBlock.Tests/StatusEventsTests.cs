using FluentAssertions;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Events;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests;

public sealed class StatusEventsTests
{
    [Test]
    public void Between_ANewOperationalBlock_RecordsNothing()
    {
        StatusEvents.Between(null, Status(Ready(true, "AllAgentsReady"), Maintenance(false, "Operational"))).Should().BeEmpty();
    }

    [Test]
    public void Between_ThroughAMaintenanceCycle_RecordsEnteredCompletedAndLeftOnce()
    {
        var operational = Status(Ready(true, "AllAgentsReady"), Maintenance(false, "Operational"));
        var entering = Status(Ready(false, "InMaintenance"), Maintenance(true, "Entering"), reason: "CHG0123456 BIOS update");
        var stillEntering = Status(Ready(false, "InMaintenance", "other message"), Maintenance(true, "Entering", "2/4"), reason: "CHG0123456 BIOS update");
        var inMaintenance = Status(Ready(false, "InMaintenance"), Maintenance(true, "InMaintenance"), reason: "CHG0123456 BIOS update");
        var leaving = Status(Ready(false, "AgentsNotReady"), Maintenance(false, "Leaving"), reason: "CHG0123456 BIOS update");
        var back = Status(Ready(true, "AllAgentsReady"), Maintenance(false, "Operational"), reason: "CHG0123456 BIOS update");

        StatusEvents.Between(operational, entering).Should().Equal(
            new BlockEvent(EventType.Normal, "MaintenanceEntered", "Maintenance requested (\"CHG0123456 BIOS update\"): taking 4 agents out of service"));
        StatusEvents.Between(entering, stillEntering).Should().BeEmpty();
        StatusEvents.Between(stillEntering, inMaintenance).Should().Equal(
            new BlockEvent(EventType.Normal, "MaintenanceCompleted", "All 4 agents are out of service (\"CHG0123456 BIOS update\")"));
        StatusEvents.Between(inMaintenance, inMaintenance).Should().BeEmpty();
        StatusEvents.Between(inMaintenance, leaving).Should().Equal(
            new BlockEvent(EventType.Normal, "MaintenanceLeft", "Maintenance request removed: returning 4 agents to service"));
        StatusEvents.Between(leaving, back).Should().BeEmpty();
    }

    [Test]
    public void Between_ABlockCreatedInMaintenanceWithAgentsAlreadyOut_RecordsEnteredThenCompleted()
    {
        var events = StatusEvents.Between(null, Status(Ready(false, "InMaintenance"), Maintenance(true, "InMaintenance"), reason: "CHG1"));

        events.Select(e => e.Reason).Should().Equal("MaintenanceEntered", "MaintenanceCompleted");
    }

    [Test]
    public void Between_WhenAConflictAppearsOrChanges_RecordsAWarningEachTime()
    {
        var ready = Status(Ready(true, "AllAgentsReady"), Maintenance(false, "Operational"));
        var conflict = Status(Ready(false, "HostConflict", "1 host conflicts: A"), Maintenance(false, "Operational"));
        var twoConflicts = Status(Ready(false, "HostConflict", "2 hosts conflict: A; B"), Maintenance(false, "Operational"));

        StatusEvents.Between(ready, conflict).Should().Equal(new BlockEvent(EventType.Warning, "HostConflict", "1 host conflicts: A"));
        StatusEvents.Between(conflict, conflict).Should().BeEmpty();
        StatusEvents.Between(conflict, twoConflicts).Should().Equal(new BlockEvent(EventType.Warning, "HostConflict", "2 hosts conflict: A; B"));
        StatusEvents.Between(twoConflicts, ready).Should().BeEmpty();
    }

    [Test]
    public void Between_WhenTheSpecBecomesInvalid_RecordsAWarningWithTheProblems()
    {
        var ready = Status(Ready(true, "AllAgentsReady"), Maintenance(false, "Operational"));
        var invalid = Status(Ready(false, "InvalidSpec", "spec.hosts[2].name: duplicate host \"node001-bb091\""), Maintenance(false, "Operational"));

        StatusEvents.Between(ready, invalid).Should().Equal(
            new BlockEvent(EventType.Warning, "InvalidSpec", "spec.hosts[2].name: duplicate host \"node001-bb091\""));
        StatusEvents.Between(invalid, invalid).Should().BeEmpty();
    }

    private static V1Condition Ready(bool status, string reason, string message = "m") => Condition(BuildingBlockConditions.Ready, status, reason, message);

    private static V1Condition Maintenance(bool status, string reason, string message = "m") => Condition(BuildingBlockConditions.Maintenance, status, reason, message);

    private static V1Condition Condition(string type, bool status, string reason, string message) =>
        new() { Type = type, Status = status ? ConditionStatus.True : ConditionStatus.False, Reason = reason, Message = message };

    private static BuildingBlockStatus Status(V1Condition ready, V1Condition maintenance, string? reason = null) => new()
    {
        DesiredAgents = 4,
        Conditions = [ready, maintenance],
        Maintenance = reason is null ? null : new MaintenanceHistory { Reason = reason },
    };
}
