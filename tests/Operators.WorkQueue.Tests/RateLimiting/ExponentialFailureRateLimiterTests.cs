using FluentAssertions;
using Microsoft.Extensions.Options;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests.RateLimiting;

public class ExponentialFailureRateLimiterTests
{
    [TestCase(0, 5)]
    [TestCase(1, 10)]
    [TestCase(2, 20)]
    [TestCase(10, 5_120)]
    [TestCase(17, 655_360)]
    [TestCase(18, 1_000_000, Description = "5 ms · 2^18 = 1310.72 s, capped at 1000 s")]
    [TestCase(200, 1_000_000)]
    [TestCase(2_000, 1_000_000, Description = "2^2000 is infinite as a double; still capped")]
    public void When_AfterFailures_DoublesTheDelayUpToTheMaximum(int earlierFailures, long expectedMilliseconds)
    {
        var limiter = new ExponentialFailureRateLimiter<string>();
        for (var i = 0; i < earlierFailures; i++)
        {
            limiter.When("a");
        }

        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [TestCase(1, 60_000, 3, 8)]
    [TestCase(100, 60_000, 0, 100)]
    [TestCase(100, 250, 2, 250)]
    [TestCase(7, 7, 5, 7)]
    public void When_WithOtherDelays_UsesThem(int baseMilliseconds, int maxMilliseconds, int earlierFailures, long expectedMilliseconds)
    {
        var limiter = new ExponentialFailureRateLimiter<string>(new ExponentialFailureRateLimiterOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(baseMilliseconds),
            MaxDelay = TimeSpan.FromMilliseconds(maxMilliseconds),
        });
        for (var i = 0; i < earlierFailures; i++)
        {
            limiter.When("a");
        }

        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Test]
    public void When_CountsEachItemOnItsOwn()
    {
        var limiter = new ExponentialFailureRateLimiter<string>();

        limiter.When("a");
        limiter.When("a");

        limiter.When("b").Should().Be(TimeSpan.FromMilliseconds(5));
        limiter.NumRequeues("a").Should().Be(2);
        limiter.NumRequeues("b").Should().Be(1);
    }

    [Test]
    public void Forget_StartsTheItemOver()
    {
        var limiter = new ExponentialFailureRateLimiter<string>();
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        limiter.NumRequeues("a").Should().Be(0);
        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(5));
    }

    [TestCase(0, 1000, Description = "base delay zero")]
    [TestCase(2000, 1000, Description = "max shorter than base")]
    [TestCase(5, 172_800_000, Description = "max longer than a day")]
    public void Constructor_WithInvalidOptions_Throws(int baseMilliseconds, int maxMilliseconds)
    {
        var options = new ExponentialFailureRateLimiterOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(baseMilliseconds),
            MaxDelay = TimeSpan.FromMilliseconds(maxMilliseconds),
        };

        FluentActions.Invoking(() => new ExponentialFailureRateLimiter<string>(options)).Should().Throw<OptionsValidationException>();
    }

    [Test]
    public void Options_Defaults_AreClientGosControllerDefaults()
    {
        var options = new ExponentialFailureRateLimiterOptions();

        options.BaseDelay.Should().Be(TimeSpan.FromMilliseconds(5));
        options.MaxDelay.Should().Be(TimeSpan.FromSeconds(1000));
    }
}
