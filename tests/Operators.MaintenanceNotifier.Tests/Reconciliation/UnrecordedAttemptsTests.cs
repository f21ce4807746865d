using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Reconciliation;

namespace Operators.MaintenanceNotifier.Tests.Reconciliation;

public sealed class UnrecordedAttemptsTests
{
    private static readonly DateTime Earlier = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Earlier.AddMinutes(5);

    [Test]
    public void Held_IsReturnedForItsNotifierOnly_UntilReleased()
    {
        var attempts = new UnrecordedAttempts();
        var record = Record("bb1", "evt_a", 1, Earlier);
        attempts.Hold("ns/ops", "uid-1", record);
        attempts.Hold("ns/other", "uid-2", Record("bb1", "evt_b", 1, Earlier));

        attempts.Of("ns/ops", "uid-1").Should().ContainSingle().Which.Should().BeSameAs(record);

        attempts.Release("ns/ops", record);

        attempts.Of("ns/ops", "uid-1").Should().BeEmpty();
        attempts.Of("ns/other", "uid-2").Should().ContainSingle();
    }

    [Test]
    public void Release_OfAnOlderRecord_KeepsTheNewerOneHeldForTheSameBlock()
    {
        var attempts = new UnrecordedAttempts();
        var first = Record("bb1", "evt_a", 1, Earlier);
        var second = Record("bb1", "evt_a", 2, Earlier);
        attempts.Hold("ns/ops", "uid-1", first);
        attempts.Hold("ns/ops", "uid-1", second);

        attempts.Release("ns/ops", first);

        attempts.Of("ns/ops", "uid-1").Should().ContainSingle().Which.Should().BeSameAs(second);
    }

    [Test]
    public void Of_ANotifierRecreatedUnderTheSameName_DropsTheOldOnesRecords()
    {
        var attempts = new UnrecordedAttempts();
        attempts.Hold("ns/ops", "uid-old", Record("bb1", "evt_a", 1, Earlier));

        attempts.Of("ns/ops", "uid-new").Should().BeEmpty();
        attempts.Of("ns/ops", "uid-old").Should().BeEmpty("the entry was dropped, not just hidden");
    }

    [Test]
    public void Of_AGoneNotifier_DropsEverything()
    {
        var attempts = new UnrecordedAttempts();
        attempts.Hold("ns/ops", "uid-1", Record("bb1", "evt_a", 1, Earlier));

        attempts.Of("ns/ops", null).Should().BeEmpty();
        attempts.Of("ns/ops", "uid-1").Should().BeEmpty();
    }

    [Test]
    public void IsNewer_WhenNothingIsStored() =>
        UnrecordedAttempts.IsNewer(Record("bb1", "evt_a", 1, Earlier), null).Should().BeTrue();

    [TestCase(0, true)]
    [TestCase(1, false)]
    [TestCase(2, false)]
    public void IsNewer_ForTheSameEvent_WhenStoredHasFewerAttempts(int stored, bool newer) =>
        UnrecordedAttempts.IsNewer(Record("bb1", "evt_a", 1, Earlier), Record("bb1", "evt_a", stored, Earlier)).Should().Be(newer);

    [Test]
    public void IsNewer_ThanTheRecordOfAnEarlierTransition() =>
        UnrecordedAttempts.IsNewer(Record("bb1", "evt_left", 1, Later), Record("bb1", "evt_entered", 1, Earlier)).Should().BeTrue();

    [Test]
    public void IsNotNewer_ThanTheRecordOfALaterTransition_WrittenByAnotherReplica() =>
        UnrecordedAttempts.IsNewer(Record("bb1", "evt_entered", 1, Earlier), Record("bb1", "evt_left", 1, Later)).Should().BeFalse();

    private static DeliveryRecord Record(string block, string eventId, int attempts, DateTime transition) => new()
    {
        BuildingBlock = block,
        Event = "Entered",
        EventId = eventId,
        TransitionTime = transition,
        Attempts = attempts,
        Phase = DeliveryPhases.Delivered,
    };
}
