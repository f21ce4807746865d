using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Objects;

namespace Operators.Runtime.Tests.Objects;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ConditionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Test]
    public void Set_OnAnEmptyList_AddsTheConditionWithNowAsTransitionTime()
    {
        var list = new List<V1Condition>();

        var changed = Conditions.Set(list, "Ready", ConditionStatus.False, "Pending", "0/3 agents ready", 4, _clock.GetUtcNow());

        changed.Should().BeTrue();
        list.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1Condition
        {
            Type = "Ready",
            Status = "False",
            Reason = "Pending",
            Message = "0/3 agents ready",
            ObservedGeneration = 4,
            LastTransitionTime = _clock.GetUtcNow().UtcDateTime,
        });
    }

    [TestCase("False", "Pending", "0/3", 1L, false, TestName = "Set_WithTheSameValues_ChangesNothing")]
    [TestCase("False", "Degraded", "0/3", 1L, true, TestName = "Set_WithANewReason_KeepsTheTransitionTime")]
    [TestCase("False", "Pending", "1/3", 1L, true, TestName = "Set_WithANewMessage_KeepsTheTransitionTime")]
    [TestCase("False", "Pending", "0/3", 2L, true, TestName = "Set_WithANewObservedGeneration_KeepsTheTransitionTime")]
    public void Set_WithoutAStatusChange_KeepsTheTransitionTime(string status, string reason, string message, long generation, bool expectChanged)
    {
        var list = new List<V1Condition>();
        var first = _clock.GetUtcNow();
        Conditions.Set(list, "Ready", "False", "Pending", "0/3", 1, first);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var changed = Conditions.Set(list, "Ready", status, reason, message, generation, _clock.GetUtcNow());

        changed.Should().Be(expectChanged);
        var condition = list.Should().ContainSingle().Subject;
        condition.LastTransitionTime.Should().Be(first.UtcDateTime);
        (condition.Reason, condition.Message, condition.ObservedGeneration).Should().Be((reason, message, generation));
    }

    [TestCase("True")]
    [TestCase("Unknown")]
    public void Set_WithAStatusChange_MovesTheTransitionTimeToNow(string status)
    {
        var list = new List<V1Condition>();
        Conditions.Set(list, "Ready", "False", "Pending", "", 1, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));

        Conditions.Set(list, "Ready", status, "Changed", "", 1, _clock.GetUtcNow()).Should().BeTrue();

        list.Single().LastTransitionTime.Should().Be(_clock.GetUtcNow().UtcDateTime);
        list.Single().Status.Should().Be(status);
    }

    [Test]
    public void Set_WithAnExplicitTransitionTime_UsesItOnAStatusChange()
    {
        var list = new List<V1Condition>();
        var explicitTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Conditions.Set(list, new V1Condition { Type = "Ready", Status = "True", Reason = "Ok", LastTransitionTime = explicitTime }, _clock.GetUtcNow());

        list.Single().LastTransitionTime.Should().Be(explicitTime);
    }

    [Test]
    public void Set_AddsACopy_SoTheCallersObjectIsNotShared()
    {
        var list = new List<V1Condition>();
        var desired = new V1Condition { Type = "Ready", Status = "True", Reason = "Ok" };

        Conditions.Set(list, desired, _clock.GetUtcNow());
        desired.Status = "False";

        list.Single().Status.Should().Be("True");
    }

    [Test]
    public void Set_KeepsOtherTypesAndOrder()
    {
        var list = new List<V1Condition>();
        Conditions.Set(list, "Ready", "True", "Ok", "", null, _clock.GetUtcNow());
        Conditions.Set(list, "Degraded", "False", "Ok", "", null, _clock.GetUtcNow());

        Conditions.Set(list, "Ready", "False", "Broken", "", null, _clock.GetUtcNow());

        list.Select(c => c.Type).Should().Equal("Ready", "Degraded");
    }

    [TestCase("", "True", "Ok", "type", TestName = "Set_WithEmptyType_Throws")]
    [TestCase("bad type", "True", "Ok", "type", TestName = "Set_WithSpaceInType_Throws")]
    [TestCase("Ready", "Yes", "Ok", "status", TestName = "Set_WithStatusOtherThanTrueFalseUnknown_Throws")]
    [TestCase("Ready", "True", "", "reason", TestName = "Set_WithEmptyReason_Throws")]
    [TestCase("Ready", "True", "not camel", "reason", TestName = "Set_WithSpaceInReason_Throws")]
    [TestCase("Ready", "True", "1Reason", "reason", TestName = "Set_WithReasonStartingWithDigit_Throws")]
    [TestCase("Ready", "True", "Reason:", "reason", TestName = "Set_WithReasonEndingWithColon_Throws")]
    public void Set_WithAnInvalidCondition_ThrowsNamingTheField(string type, string status, string reason, string field)
    {
        var list = new List<V1Condition>();

        var set = () => Conditions.Set(list, type, status, reason, "", null, _clock.GetUtcNow());

        set.Should().Throw<ArgumentException>().WithMessage($"*{field}:*");
        list.Should().BeEmpty();
    }

    [TestCase("InvalidSpec", true)]
    [TestCase("A", true)]
    [TestCase("Reason_With,Commas:And_Colons_", true)]
    [TestCase("Has-Dash", false)]
    [TestCase("", false)]
    public void IsValidReason_FollowsTheConditionPattern(string reason, bool valid) =>
        ConditionValidation.IsValidReason(reason).Should().Be(valid);

    [Test]
    public void Validate_RejectsOverlongReasonMessageAndNegativeGeneration()
    {
        var condition = new V1Condition
        {
            Type = "example.com/Ready",
            Status = "True",
            Reason = new string('A', 1025),
            Message = new string('m', 32769),
            ObservedGeneration = -1,
        };

        ConditionValidation.Validate(condition).Should().HaveCount(3).And.Contain(e => e.StartsWith("reason:", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("message:", StringComparison.Ordinal)).And.Contain(e => e.StartsWith("observedGeneration:", StringComparison.Ordinal));
    }

    [Test]
    public void FindIsTrueIsFalse_ReadByType()
    {
        var list = new List<V1Condition>();
        Conditions.Set(list, "Ready", "True", "Ok", "", null, _clock.GetUtcNow());
        Conditions.Set(list, "Degraded", "False", "Ok", "", null, _clock.GetUtcNow());

        Conditions.Find(list, "Ready")!.Status.Should().Be("True");
        Conditions.Find(null, "Ready").Should().BeNull();
        Conditions.IsTrue(list, "Ready").Should().BeTrue();
        Conditions.IsFalse(list, "Degraded").Should().BeTrue();
        Conditions.IsTrue(list, "Missing").Should().BeFalse();
        Conditions.IsFalse(list, "Missing").Should().BeFalse();
    }

    [Test]
    public void Remove_RemovesOnlyThatType()
    {
        var list = new List<V1Condition>();
        Conditions.Set(list, "Ready", "True", "Ok", "", null, _clock.GetUtcNow());
        Conditions.Set(list, "Degraded", "False", "Ok", "", null, _clock.GetUtcNow());

        Conditions.Remove(list, "Ready").Should().BeTrue();
        Conditions.Remove(list, "Ready").Should().BeFalse();

        list.Select(c => c.Type).Should().Equal("Degraded");
    }

    [TestCase("message", true)]
    [TestCase("status", false)]
    [TestCase("reason", false)]
    [TestCase("generation", false)]
    [TestCase("transition", false)]
    [TestCase("added", false)]
    public void DifferOnlyInMessages_TellsProgressFromNews(string change, bool progressOnly)
    {
        List<V1Condition> before = [Ready("waiting: 0/1")];
        List<V1Condition> after = [Ready("waiting: 1/1")];
        switch (change)
        {
            case "status": after[0].Status = "True"; break;
            case "reason": after[0].Reason = "Available"; break;
            case "generation": after[0].ObservedGeneration = 2; break;
            case "transition": after[0].LastTransitionTime = after[0].LastTransitionTime.AddSeconds(1); break;
            case "added": after.Add(new V1Condition { Type = "Degraded", Status = "False", Reason = "None" }); break;
        }

        Conditions.DifferOnlyInMessages(before, after).Should().Be(progressOnly);
    }

    private static V1Condition Ready(string message) => new()
    {
        Type = "Ready", Status = "False", Reason = "Progressing", Message = message, ObservedGeneration = 1,
        LastTransitionTime = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
    };
}
