using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class TokenBucketTests
{
    [Test]
    public void Reserve_WithinTheBurst_DoesNotWait()
    {
        var bucket = new TokenBucket(qps: 2, burst: 3, new FakeTimeProvider());

        Enumerable.Range(0, 3).Select(_ => bucket.Reserve()).Should().OnlyContain(delay => delay == TimeSpan.Zero);
    }

    [Test]
    public void Reserve_BeyondTheBurst_QueuesWaitersAtTheSustainedRate()
    {
        var bucket = new TokenBucket(qps: 2, burst: 3, new FakeTimeProvider());
        for (var i = 0; i < 3; i++)
        {
            bucket.Reserve();
        }

        bucket.Reserve().Should().Be(TimeSpan.FromSeconds(0.5));
        bucket.Reserve().Should().Be(TimeSpan.FromSeconds(1));
        bucket.Reserve().Should().Be(TimeSpan.FromSeconds(1.5));
    }

    [Test]
    public void Reserve_AfterAQuietTime_RefillsUpToTheBurstOnly()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 2, burst: 3, time);
        for (var i = 0; i < 3; i++)
        {
            bucket.Reserve();
        }

        time.Advance(TimeSpan.FromMinutes(1));

        Enumerable.Range(0, 3).Select(_ => bucket.Reserve()).Should().OnlyContain(delay => delay == TimeSpan.Zero);
        bucket.Reserve().Should().Be(TimeSpan.FromSeconds(0.5));
    }

    [Test]
    public async Task WaitAsync_CompletesWhenTheClockReachesTheReservation()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 1, burst: 1, time);
        await bucket.WaitAsync(CancellationToken.None);

        var waiting = bucket.WaitAsync(CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
