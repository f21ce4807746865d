using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Tests.Transitions;

public sealed class DeliveryPlannerTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Now = new(T0.AddHours(3));
    private static readonly MaintenanceTransition Entered = new("Entered", T0, EventIds.For("n", "u", "Entered", T0));
    private static readonly MaintenanceTransition Left = new("Left", T0.AddHours(1), EventIds.For("n", "u", "Left", T0.AddHours(1)));

    [Test]
    public void Next_WithoutRecord_MakesTheOldestTransitionDue()
    {
        DeliveryPlanner.Next([Entered, Left], null, Now).Should().Be(new DeliveryStep(DeliveryStepKind.Due, Entered));
        DeliveryPlanner.Next([], null, Now).Kind.Should().Be(DeliveryStepKind.Idle);
    }

    [TestCase(DeliveryPhases.Delivered)]
    [TestCase(DeliveryPhases.Failed)]
    [TestCase(DeliveryPhases.Skipped)]
    public void Next_AfterAFinishedEntered_MakesTheLeftOfTheCycleDue(string phase)
    {
        DeliveryPlanner.Next([Entered, Left], Record(Entered, phase), Now).Should().Be(new DeliveryStep(DeliveryStepKind.Due, Left));
        DeliveryPlanner.Next([Entered], Record(Entered, phase), Now).Kind.Should().Be(DeliveryStepKind.Idle);
        DeliveryPlanner.Next([Entered, Left], Record(Left, phase), Now).Kind.Should().Be(DeliveryStepKind.Idle);
    }

    [Test]
    public void Next_AfterAFinishedEntered_MakesALeftInTheSameSecondDue()
    {
        var sameSecondLeft = new MaintenanceTransition("Left", T0, EventIds.For("n", "u", "Left", T0));

        DeliveryPlanner.Next([Entered, sameSecondLeft], Record(Entered, DeliveryPhases.Delivered), Now)
            .Should().Be(new DeliveryStep(DeliveryStepKind.Due, sameSecondLeft));
        DeliveryPlanner.Next([Entered, sameSecondLeft], Record(sameSecondLeft, DeliveryPhases.Delivered), Now).Kind.Should().Be(DeliveryStepKind.Idle);
    }

    [Test]
    public void Next_AfterAFinishedLeft_MakesAnEnteredInTheSameSecondDue()
    {
        var leftAtT0 = new MaintenanceTransition("Left", T0, EventIds.For("n", "u", "Left", T0));
        var enteredAgain = new MaintenanceTransition("Entered", T0, EventIds.For("n", "u", "Entered", T0));

        DeliveryPlanner.Next([enteredAgain], Record(leftAtT0, DeliveryPhases.Delivered), Now)
            .Should().Be(new DeliveryStep(DeliveryStepKind.Due, enteredAgain), "leaving and entering again within one second is a new cycle");
    }

    [Test]
    public void Next_WhileRetrying_WaitsUntilTheNextAttemptThenMakesItDueWithItsAttempts()
    {
        var record = Record(Entered, DeliveryPhases.Retrying, attempts: 3, next: Now.UtcDateTime.AddSeconds(5));

        DeliveryPlanner.Next([Entered, Left], record, Now).Should().Be(new DeliveryStep(DeliveryStepKind.Waiting, Entered, 3, Now.UtcDateTime.AddSeconds(5)));
        DeliveryPlanner.Next([Entered, Left], record, Now.AddSeconds(5)).Should().Be(new DeliveryStep(DeliveryStepKind.Due, Entered, 3));
    }

    [Test]
    public void Next_ForAPendingRecord_IsDueAtOnce()
    {
        DeliveryPlanner.Next([Entered], Record(Entered, DeliveryPhases.Pending, attempts: 0), Now).Should().Be(new DeliveryStep(DeliveryStepKind.Due, Entered));
    }

    [Test]
    public void Next_WhenTheRetriedTransitionIsNoLongerToDeliver_Supersedes()
    {
        var older = new MaintenanceTransition("Entered", T0.AddHours(-5), EventIds.For("n", "u", "Entered", T0.AddHours(-5)));

        DeliveryPlanner.Next([Entered], Record(older, DeliveryPhases.Retrying, 2, Now.UtcDateTime.AddHours(1)), Now).Kind.Should().Be(DeliveryStepKind.Supersede);
    }

    [Test]
    public void Next_AfterAFinishedRecordOfAnOlderCycle_MakesTheNewCycleDue()
    {
        var older = new MaintenanceTransition("Left", T0.AddHours(-5), EventIds.For("n", "u", "Left", T0.AddHours(-5)));

        DeliveryPlanner.Next([Entered, Left], Record(older, DeliveryPhases.Delivered), Now).Should().Be(new DeliveryStep(DeliveryStepKind.Due, Entered));
    }

    [Test]
    public void Belongs_OnlyForTheBlockIncarnationTheIdWasMadeFor()
    {
        var record = Record(Entered, DeliveryPhases.Delivered);

        DeliveryPlanner.Belongs(record, "n", "u").Should().BeTrue();
        DeliveryPlanner.Belongs(record, "n", "recreated-uid").Should().BeFalse();
        DeliveryPlanner.Belongs(new DeliveryRecord { BuildingBlock = "bb091" }, "n", "u").Should().BeFalse();
    }

    private static DeliveryRecord Record(MaintenanceTransition t, string phase, int attempts = 1, DateTime? next = null) => new()
    {
        BuildingBlock = "bb091",
        Event = t.Event,
        EventId = t.EventId,
        TransitionTime = t.Time,
        Phase = phase,
        Attempts = attempts,
        NextAttemptTime = next,
    };
}
