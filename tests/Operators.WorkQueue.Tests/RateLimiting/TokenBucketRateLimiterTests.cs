using FluentAssertions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests.RateLimiting;

public class TokenBucketRateLimiterTests
{
    [TestCase(10, 100, 100, 0, Description = "the burst goes without delay")]
    [TestCase(10, 100, 101, 100, Description = "then one token per 100 ms")]
    [TestCase(10, 100, 105, 500)]
    [TestCase(1, 1, 2, 1000)]
    [TestCase(2, 5, 8, 1500)]
    [TestCase(1000, 1, 3, 2)]
    public void When_CalledInARow_ReservesTokensAheadAndReturnsTheWait(double tokensPerSecond, int burst, int calls, int expectedLastMilliseconds)
    {
        var limiter = new TokenBucketRateLimiter<string>(
            new TokenBucketRateLimiterOptions { TokensPerSecond = tokensPerSecond, Burst = burst }, new FakeTimeProvider());

        var last = TimeSpan.Zero;
        for (var i = 0; i < calls; i++)
        {
            last = limiter.When($"item-{i}");
        }

        last.Should().Be(TimeSpan.FromMilliseconds(expectedLastMilliseconds));
    }

    [Test]
    public void When_TimePasses_RefillsTheBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenBucketRateLimiter<string>(timeProvider: time);
        for (var i = 0; i < 100; i++)
        {
            limiter.When("a");
        }

        time.Advance(TimeSpan.FromSeconds(1));

        Enumerable.Range(0, 10).Select(_ => limiter.When("a")).ToList().Should().AllSatisfy(delay => delay.Should().Be(TimeSpan.Zero));
        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Test]
    public void When_AfterALongQuiet_HoldsNoMoreThanTheBurst()
    {
        var time = new FakeTimeProvider();
        var limiter = new TokenBucketRateLimiter<string>(timeProvider: time);

        time.Advance(TimeSpan.FromHours(1));

        Enumerable.Range(0, 100).Select(_ => limiter.When("a")).ToList().Should().AllSatisfy(delay => delay.Should().Be(TimeSpan.Zero));
        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Test]
    public void ForgetAndNumRequeues_TrackNoItem()
    {
        var limiter = new TokenBucketRateLimiter<string>(timeProvider: new FakeTimeProvider());
        limiter.When("a");

        limiter.Forget("a");

        limiter.NumRequeues("a").Should().Be(0);
    }

    [TestCase(0, 100)]
    [TestCase(-1, 100)]
    [TestCase(10, 0)]
    public void Constructor_WithInvalidOptions_Throws(double tokensPerSecond, int burst)
    {
        var options = new TokenBucketRateLimiterOptions { TokensPerSecond = tokensPerSecond, Burst = burst };

        FluentActions.Invoking(() => new TokenBucketRateLimiter<string>(options)).Should().Throw<OptionsValidationException>();
    }

    [Test]
    public void Options_Defaults_AreClientGosControllerDefaults()
    {
        var options = new TokenBucketRateLimiterOptions();

        options.TokensPerSecond.Should().Be(10);
        options.Burst.Should().Be(100);
    }
}
