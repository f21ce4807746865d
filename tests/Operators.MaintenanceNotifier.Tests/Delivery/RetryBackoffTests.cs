using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Delivery;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class RetryBackoffTests
{
    [Test]
    public void Delay_StaysBetweenInitialAndMax_ForEveryAttemptAndJitter()
    {
        var retry = new RetrySpec { InitialBackoffSeconds = 5, MaxBackoffSeconds = 300 };
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            foreach (var random in (double[])[0, 0.25, 0.5, 0.999999])
            {
                RetryBackoff.Delay(attempt, retry, random).TotalSeconds.Should().BeInRange(5, 300);
            }
        }
    }

    [TestCase(1, 5)]
    [TestCase(2, 10)]
    [TestCase(3, 20)]
    [TestCase(4, 40)]
    [TestCase(7, 300)]
    [TestCase(20, 300)]
    public void Delay_DoublesPerAttemptUpToTheMax_WithoutJitterAtTheMiddle(int attempt, int seconds)
    {
        RetryBackoff.Delay(attempt, new RetrySpec { InitialBackoffSeconds = 5, MaxBackoffSeconds = 300 }, 0.5).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Test]
    public void Delay_JittersByAQuarterEitherWay()
    {
        var retry = new RetrySpec { InitialBackoffSeconds = 10, MaxBackoffSeconds = 1000 };

        RetryBackoff.Delay(3, retry, 0).Should().Be(TimeSpan.FromSeconds(30));
        RetryBackoff.Delay(3, retry, 1).Should().Be(TimeSpan.FromSeconds(50));
    }

    [Test]
    public void Delay_UsesTheSpecDefaultsWhenUnset()
    {
        RetryBackoff.Delay(1, null, 0.5).Should().Be(TimeSpan.FromSeconds(RetrySpec.DefaultInitialBackoffSeconds));
        RetryBackoff.Delay(30, new RetrySpec(), 0.5).Should().Be(TimeSpan.FromSeconds(RetrySpec.DefaultMaxBackoffSeconds));
    }

    [Test]
    public void NextAttempt_IsNeverBeforeRetryAfterNorTheBackoff_AndFallsOnAWholeSecond()
    {
        var now = new DateTimeOffset(2026, 1, 1, 10, 0, 0, 400, TimeSpan.Zero);

        RetryBackoff.NextAttempt(now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)).Should().Be(new DateTime(2026, 1, 1, 10, 0, 3, DateTimeKind.Utc));
        RetryBackoff.NextAttempt(now, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)).Should().Be(new DateTime(2026, 1, 1, 10, 0, 6, DateTimeKind.Utc));
        RetryBackoff.NextAttempt(now, TimeSpan.FromSeconds(1), null).Should().Be(new DateTime(2026, 1, 1, 10, 0, 2, DateTimeKind.Utc));
    }
}
