using FluentAssertions;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Tests.Transitions;

public sealed class TransitionDeriverTests
{
    private static readonly DateTime Created = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Entered = Created.AddHours(1);
    private static readonly DateTime Left = Created.AddHours(2);

    [Test]
    public void Derive_WhenNeverInMaintenance_ReturnsNothing()
    {
        TransitionDeriver.Derive(TestBlocks.New("bb091", uid: "u"), "n", Created, null).Should().BeEmpty();
    }

    [Test]
    public void Derive_WhenInMaintenance_ReturnsEnteredWithItsId()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(true, Entered, null);

        TransitionDeriver.Derive(block, "n", Created, null).Should().Equal(
            new MaintenanceTransition("Entered", Entered, EventIds.For("n", "u", "Entered", Entered)));
    }

    [Test]
    public void Derive_WhenACycleCompleted_ReturnsEnteredThenLeft()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(false, Entered, Left);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => (t.Event, t.Time)).Should().Equal(("Entered", Entered), ("Left", Left));
    }

    [Test]
    public void Derive_WhenACycleEndedInTheSecondItBegan_ReturnsEnteredThenLeft()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(false, Entered, Entered);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => (t.Event, t.Time)).Should().Equal(("Entered", Entered), ("Left", Entered));
    }

    [Test]
    public void Derive_WhenANewCycleBeganInTheSecondThePreviousEnded_ReturnsOnlyEntered()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(true, Left, Left);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => (t.Event, t.Time)).Should().Equal(("Entered", Left));
    }

    [Test]
    public void Derive_WhenSeveralCyclesPassed_ReturnsOnlyTheLatestEntered()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(true, Left.AddHours(1), Left);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => (t.Event, t.Time)).Should().Equal(("Entered", Left.AddHours(1)));
    }

    [Test]
    public void Derive_WhenLeftIsLaterButTheConditionIsStillTrue_WaitsForTheCondition()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(true, Entered, Left);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => t.Event).Should().Equal("Entered");
    }

    [Test]
    public void Derive_DropsTransitionsBeforeTheNotifierWasCreated()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(false, Created.AddSeconds(-1), Left);

        TransitionDeriver.Derive(block, "n", Created, null).Select(t => t.Event).Should().Equal("Left");
        TransitionDeriver.Derive(block, "n", Left.AddSeconds(1), null).Should().BeEmpty();
    }

    [Test]
    public void Derive_KeepsATransitionInTheSameSecondAsTheCreation()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(true, Created.AddMilliseconds(300), null);

        TransitionDeriver.Derive(block, "n", Created.AddMilliseconds(700), null).Select(t => t.Time).Should().Equal(Created);
    }

    [Test]
    public void Derive_ReturnsOnlySubscribedEventTypes()
    {
        var block = TestBlocks.New("bb091", uid: "u").WithMaintenance(false, Entered, Left);

        TransitionDeriver.Derive(block, "n", Created, ["Left"]).Select(t => t.Event).Should().Equal("Left");
        TransitionDeriver.Derive(block, "n", Created, ["Entered"]).Select(t => t.Event).Should().Equal("Entered");
        TransitionDeriver.Derive(block, "n", Created, []).Should().HaveCount(2, "an empty list reads as the default");
    }
}
