using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.LeaderElection;

namespace Operators.Runtime.Tests.LeaderElection;

[TestFixture]
public sealed class LeaseRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [TestCase(null, 0, false, TestName = "IsHeldByOther_WithoutHolder_IsFalse")]
    [TestCase("", 0, false, TestName = "IsHeldByOther_WithEmptyHolder_IsFalse")]
    [TestCase("me", 0, false, TestName = "IsHeldByOther_WhenHeldByMe_IsFalse")]
    [TestCase("other", 14, true, TestName = "IsHeldByOther_WithinTheTermSinceObserved_IsTrue")]
    [TestCase("other", 15, false, TestName = "IsHeldByOther_WhenTheTermSinceObservedEnded_IsFalse")]
    public void IsHeldByOther_FollowsHolderAndObservedTerm(string? holder, int secondsLater, bool expected)
    {
        var clock = new FakeTimeProvider(Start);
        var observedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15, RenewTime = Start.UtcDateTime.AddYears(-1) };

        LeaseRules.IsHeldByOther(spec, "me", observedAt, clock.GetUtcNow()).Should().Be(expected);
    }

    [Test]
    public void Acquired_WithoutLease_StartsAtZeroTransitions()
    {
        var spec = LeaseRules.Acquired(null, "me", TimeSpan.FromSeconds(15), Start);

        spec.HolderIdentity.Should().Be("me");
        spec.LeaseDurationSeconds.Should().Be(15);
        spec.LeaseTransitions.Should().Be(0);
        spec.AcquireTime.Should().Be(Start.UtcDateTime);
        spec.RenewTime.Should().Be(Start.UtcDateTime);
    }

    [Test]
    public void Acquired_WhenRenewing_KeepsAcquireTimeAndTransitions()
    {
        var current = new V1LeaseSpec { HolderIdentity = "me", AcquireTime = Start.UtcDateTime, RenewTime = Start.UtcDateTime, LeaseTransitions = 3, LeaseDurationSeconds = 15 };
        var later = Start.AddSeconds(2);

        var spec = LeaseRules.Acquired(current, "me", TimeSpan.FromSeconds(15), later);

        spec.AcquireTime.Should().Be(Start.UtcDateTime);
        spec.RenewTime.Should().Be(later.UtcDateTime);
        spec.LeaseTransitions.Should().Be(3);
    }

    [TestCase("other", TestName = "Acquired_WhenTakingOverFromAnother_CountsATransition")]
    [TestCase(null, TestName = "Acquired_WhenTakingOverAReleasedLease_CountsATransition")]
    public void Acquired_WhenTakingOver_CountsATransitionAndSetsAcquireTime(string? holder)
    {
        var current = new V1LeaseSpec { HolderIdentity = holder, AcquireTime = Start.UtcDateTime, LeaseTransitions = 3, LeaseDurationSeconds = 1 };
        var later = Start.AddMinutes(1);

        var spec = LeaseRules.Acquired(current, "me", TimeSpan.FromSeconds(15), later);

        spec.HolderIdentity.Should().Be("me");
        spec.AcquireTime.Should().Be(later.UtcDateTime);
        spec.LeaseTransitions.Should().Be(4);
        spec.LeaseDurationSeconds.Should().Be(15);
    }

    [TestCase(1000, 1)]
    [TestCase(1500, 2)]
    [TestCase(15000, 15)]
    public void ToSeconds_RoundsUp(int milliseconds, int seconds) =>
        LeaseRules.ToSeconds(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(seconds);

    [Test]
    public void Released_ClearsTheHolderAndShortensTheTerm()
    {
        var current = new V1LeaseSpec { HolderIdentity = "me", LeaseTransitions = 7, LeaseDurationSeconds = 15 };

        var spec = LeaseRules.Released(current, Start);

        spec.HolderIdentity.Should().BeNull();
        spec.LeaseDurationSeconds.Should().Be(1);
        spec.LeaseTransitions.Should().Be(7);
        spec.RenewTime.Should().Be(Start.UtcDateTime);
    }
}
