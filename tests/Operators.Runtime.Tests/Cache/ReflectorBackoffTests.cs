using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Tests.Cache;

public sealed class ReflectorBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(800);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ResetAfter = TimeSpan.FromMinutes(2);

    [Test]
    public void Next_WithoutJitter_DoublesFrom800MillisecondsUpTo30Seconds()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReflectorBackoff(Initial, Max, ResetAfter, time, () => 0);

        var delays = Enumerable.Range(0, 8).Select(_ =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return backoff.Next().TotalMilliseconds;
        });

        delays.Should().Equal(800, 1_600, 3_200, 6_400, 12_800, 25_600, 30_000, 30_000);
    }

    [Test]
    public void Next_WithJitter_AddsUpToTheCurrentDelayButNeverPassesTheMaximum()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReflectorBackoff(Initial, Max, ResetAfter, time, () => 0.5);

        backoff.Next().Should().Be(TimeSpan.FromMilliseconds(1_200));
        backoff.Next().Should().Be(TimeSpan.FromMilliseconds(2_400));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next().Should().BeLessThanOrEqualTo(Max);
        }
    }

    [Test]
    public void Next_AfterTwoMinutesWithoutFailures_StartsOverAt800Milliseconds()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReflectorBackoff(Initial, Max, ResetAfter, time, () => 0);
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        time.Advance(TimeSpan.FromSeconds(119));
        backoff.Next().Should().Be(TimeSpan.FromMilliseconds(25_600));

        time.Advance(ResetAfter);
        backoff.Next().Should().Be(Initial);
    }
}
