using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Operators.WorkQueue.Tests;

public class RateLimitingWorkQueueTests
{
    [Test]
    public void AddRateLimited_WaitsAsLongAsTheRateLimiterSays()
    {
        var time = new FakeTimeProvider();
        using var queue = new RateLimitingWorkQueue<string>(rateLimiter: new FixedRateLimiter<string>(TimeSpan.FromSeconds(3)), timeProvider: time);

        queue.AddRateLimited("a");

        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        queue.Count.Should().Be(0);
        time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Take().Should().Be("a");
    }

    [Test]
    public void AddRateLimited_WithTheDefaultRateLimiter_BacksOffExponentiallyPerItem()
    {
        var time = new FakeTimeProvider();
        using var queue = new RateLimitingWorkQueue<string>(timeProvider: time);
        var waits = new List<TimeSpan>();

        for (var failure = 0; failure < 4; failure++)
        {
            var started = time.GetUtcNow();
            queue.AddRateLimited("a");
            while (queue.Count == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }

            waits.Add(time.GetUtcNow() - started);
            queue.Done(queue.Take());
        }

        waits.Should().Equal(
            TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40));
        queue.NumRequeues("a").Should().Be(4);
        queue.NumRequeues("b").Should().Be(0);
    }

    [Test]
    public void Forget_StartsTheItemsBackoffOver()
    {
        var limiter = new FixedRateLimiter<string>(TimeSpan.FromSeconds(1));
        using var queue = new RateLimitingWorkQueue<string>(rateLimiter: limiter, timeProvider: new FakeTimeProvider());
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        queue.Forget("a");

        queue.NumRequeues("a").Should().Be(0);
        limiter.Forgotten.Should().Equal("a");
    }

    [Test]
    public void Forget_DoesNotMarkTheItemDone()
    {
        var time = new FakeTimeProvider();
        using var queue = new RateLimitingWorkQueue<string>(rateLimiter: new FixedRateLimiter<string>(TimeSpan.Zero), timeProvider: time);
        queue.Add("a");
        queue.Take();
        queue.Add("a");

        queue.Forget("a");

        queue.Count.Should().Be(0, "the item is still being processed until Done");
    }
}
