using FluentAssertions;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests.RateLimiting;

public class MaxOfRateLimiterTests
{
    [TestCase(new[] { 5 }, 5)]
    [TestCase(new[] { 5, 100 }, 100)]
    [TestCase(new[] { 100, 5 }, 100)]
    [TestCase(new[] { 0, 0, 0 }, 0)]
    [TestCase(new[] { 3, 9, 4 }, 9)]
    public void When_ReturnsTheLongestDelay(int[] delaysMilliseconds, int expectedMilliseconds)
    {
        var limiter = new MaxOfRateLimiter<string>(
            delaysMilliseconds.Select(ms => new FixedRateLimiter<string>(TimeSpan.FromMilliseconds(ms))));

        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Test]
    public void When_AsksEveryLimiter()
    {
        var first = new FixedRateLimiter<string>(TimeSpan.FromSeconds(1));
        var second = new FixedRateLimiter<string>(TimeSpan.Zero);
        var limiter = new MaxOfRateLimiter<string>(first, second);

        limiter.When("a");

        first.NumRequeues("a").Should().Be(1);
        second.NumRequeues("a").Should().Be(1);
    }

    [Test]
    public void NumRequeues_IsTheLargestCount()
    {
        var counting = new FixedRateLimiter<string>(TimeSpan.Zero);
        counting.When("a");
        counting.When("a");
        var limiter = new MaxOfRateLimiter<string>(new FixedRateLimiter<string>(TimeSpan.Zero), counting);

        limiter.NumRequeues("a").Should().Be(2);
    }

    [Test]
    public void Forget_GoesToEveryLimiter()
    {
        var first = new FixedRateLimiter<string>(TimeSpan.Zero);
        var second = new FixedRateLimiter<string>(TimeSpan.Zero);
        var limiter = new MaxOfRateLimiter<string>(first, second);

        limiter.Forget("a");

        first.Forgotten.Should().Equal("a");
        second.Forgotten.Should().Equal("a");
    }

    [Test]
    public void Constructor_WithoutLimiters_Throws()
    {
        FluentActions.Invoking(() => new MaxOfRateLimiter<string>()).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new MaxOfRateLimiter<string>(null!, null!)).Should().Throw<ArgumentException>();
    }
}
