using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests.RateLimiting;

public class DefaultControllerRateLimiterTests
{
    [Test]
    public void Create_BacksOffEachItemExponentially()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(new FakeTimeProvider());

        Enumerable.Range(0, 4).Select(_ => limiter.When("a")).ToList().Should().Equal(
            TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40));
        limiter.NumRequeues("a").Should().Be(4);
    }

    [Test]
    public void Create_LimitsAllRetriesTogetherToTenPerSecondAfterABurstOfAHundred()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(new FakeTimeProvider());
        for (var i = 0; i < 100; i++)
        {
            limiter.When($"item-{i}").Should().Be(TimeSpan.FromMilliseconds(5));
        }

        limiter.When("item-100").Should().Be(TimeSpan.FromMilliseconds(100), "the bucket is empty and its wait is longer than the first backoff");
        limiter.When("item-101").Should().Be(TimeSpan.FromMilliseconds(200));
    }

    [Test]
    public void Create_WithOtherSettings_UsesThem()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(
            new ExponentialFailureRateLimiterOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(2) },
            new TokenBucketRateLimiterOptions { TokensPerSecond = 1, Burst = 1 },
            new FakeTimeProvider());

        limiter.When("a").Should().Be(TimeSpan.FromSeconds(1));
        limiter.When("b").Should().Be(TimeSpan.FromSeconds(1), "the bucket's wait for its second token");
        limiter.When("a").Should().Be(TimeSpan.FromSeconds(2));
    }

    [Test]
    public void Forget_ResetsTheItemsBackoff()
    {
        var limiter = DefaultControllerRateLimiter.Create<string>(new FakeTimeProvider());
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        limiter.NumRequeues("a").Should().Be(0);
        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(5));
    }
}
