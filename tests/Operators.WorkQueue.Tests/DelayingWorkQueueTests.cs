using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Operators.WorkQueue.Tests;

public class DelayingWorkQueueTests
{
    private FakeTimeProvider _time = null!;
    private DelayingWorkQueue<string> _queue = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _queue = new DelayingWorkQueue<string>(timeProvider: _time);
    }

    [TearDown]
    public void TearDown() => _queue.Dispose();

    [Test]
    public void AddAfter_HandsTheItemOutOnlyOnceTheDelayHasPassed()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        _queue.Count.Should().Be(0);

        _time.Advance(TimeSpan.FromTicks(1));
        _queue.Count.Should().Be(1);
        _queue.Take().Should().Be("a");
    }

    [TestCase(0)]
    [TestCase(-5000)]
    public void AddAfter_WithADelayThatIsNotPositive_AddsAtOnce(int milliseconds)
    {
        _queue.AddAfter("a", TimeSpan.FromMilliseconds(milliseconds));

        _queue.Count.Should().Be(1);
    }

    [TestCase(10, 5, 5)]
    [TestCase(5, 10, 5)]
    [TestCase(7, 7, 7)]
    public void AddAfter_WhenItemIsAlreadyWaiting_KeepsTheEarlierTime(int firstSeconds, int secondSeconds, int readySeconds)
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(firstSeconds));
        _queue.AddAfter("a", TimeSpan.FromSeconds(secondSeconds));

        _time.Advance(TimeSpan.FromSeconds(readySeconds) - TimeSpan.FromMilliseconds(1));
        _queue.Count.Should().Be(0);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _queue.TakeAllAndDone().Should().Equal("a");

        _time.Advance(TimeSpan.FromSeconds(Math.Max(firstSeconds, secondSeconds)));
        _queue.Count.Should().Be(0, "the later of the two delayed adds was merged into the earlier");
    }

    [Test]
    public void AddAfter_WhenItemIsAlreadyQueued_KeepsOneCopy()
    {
        _queue.Add("a");

        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        _queue.TakeAllAndDone().Should().Equal("a");
        _time.Advance(TimeSpan.FromSeconds(5));
        _queue.Count.Should().Be(0);
    }

    [Test]
    public void Add_WhenItemIsWaiting_MakesItReadyNowAndCancelsTheWait()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(10));

        _queue.Add("a");

        _queue.TakeAllAndDone().Should().Equal("a");
        _time.Advance(TimeSpan.FromSeconds(10));
        _queue.Count.Should().Be(0);
    }

    [Test]
    public void AddAfter_WhileItemIsBeingProcessed_HandsItOutAfterDoneWhenTheDelayHasPassed()
    {
        _queue.Add("a");
        var item = _queue.Take();
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(1));
        _queue.Count.Should().Be(0, "the key is still being processed");

        _queue.Done(item);
        _queue.Take().Should().Be("a");
    }

    [Test]
    public void AddAfter_WhileItemIsBeingProcessed_WaitsForTheDelayEvenAfterDone()
    {
        _queue.Add("a");
        var item = _queue.Take();
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _queue.Done(item);
        _queue.Count.Should().Be(0);

        _time.Advance(TimeSpan.FromSeconds(1));
        _queue.Take().Should().Be("a");
    }

    [Test]
    public void AddAfter_ManyItems_HandsThemOutInTheOrderOfTheirReadyTimes()
    {
        _queue.AddAfter("c", TimeSpan.FromSeconds(3));
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _queue.AddAfter("d", TimeSpan.FromSeconds(4));
        _queue.AddAfter("b", TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(10));

        _queue.TakeAllAndDone().Should().Equal("a", "b", "c", "d");
    }

    [Test]
    public void AddAfter_ItemsWithTheSameReadyTime_KeepTheOrderTheyWereAddedIn()
    {
        foreach (var item in new[] { "b", "c", "a" })
        {
            _queue.AddAfter(item, TimeSpan.FromSeconds(1));
        }

        _time.Advance(TimeSpan.FromSeconds(1));

        _queue.TakeAllAndDone().Should().Equal("b", "c", "a");
    }

    [Test]
    public void AddAfter_StepByStep_ReleasesEachItemAtItsOwnTime()
    {
        _queue.AddAfter("a", TimeSpan.FromMilliseconds(50));
        _queue.AddAfter("b", TimeSpan.FromMilliseconds(150));

        _time.Advance(TimeSpan.FromMilliseconds(100));
        _queue.TakeAllAndDone().Should().Equal("a");

        _time.Advance(TimeSpan.FromMilliseconds(50));
        _queue.TakeAllAndDone().Should().Equal("b");
    }

    [Test]
    public void AddAfter_ManyItems_UsesOneTimer()
    {
        var time = new CountingTimeProvider();
        using var queue = new DelayingWorkQueue<string>(timeProvider: time);

        for (var i = 0; i < 100; i++)
        {
            queue.AddAfter($"item-{i}", TimeSpan.FromMilliseconds(100 - i));
        }

        time.Advance(TimeSpan.FromSeconds(1));

        queue.Count.Should().Be(100);
        time.TimersCreated.Should().Be(1);
    }

    [Test]
    public void AddAfter_WithTheLongestDelay_NeverOverflowsNorFires()
    {
        _queue.AddAfter("never", TimeSpan.MaxValue);
        _queue.AddAfter("later", TimeSpan.FromHours(3));

        _time.Advance(TimeSpan.FromHours(3));
        _queue.TakeAllAndDone().Should().Equal("later");

        _time.Advance(TimeSpan.FromDays(1000));
        _queue.Count.Should().Be(0);
    }

    [Test]
    public void AddAfter_AfterShutDown_IsIgnored()
    {
        _queue.ShutDown();

        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        _queue.Count.Should().Be(0);
    }

    [Test]
    public void ShutDown_DropsWaitingItems()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));

        _queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(1));

        _queue.Count.Should().Be(0);
    }

    [Test]
    public void AddAfter_WhenManyWaitsAreCancelled_StillReleasesOnlyLiveItems()
    {
        // Enough cancelled waits to make the heap drop its stale entries more than once.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                _queue.AddAfter($"item-{i}", TimeSpan.FromMinutes(10 + i));
            }

            for (var i = 0; i < 200; i += 2)
            {
                _queue.Add($"item-{i}");
            }

            _queue.TakeAllAndDone().Should().HaveCount(100);
        }

        _time.Advance(TimeSpan.FromHours(10));

        _queue.TakeAllAndDone().Should().BeEquivalentTo(Enumerable.Range(0, 100).Select(i => $"item-{(2 * i) + 1}"));
        _time.Advance(TimeSpan.FromHours(10));
        _queue.Count.Should().Be(0);
    }

    [Test]
    public async Task AddAfter_WithAWaitingConsumer_WakesItWhenTheDelayHasPassed()
    {
        var pending = _queue.GetAsync();
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        pending.IsCompleted.Should().BeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));

        (await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(("a", false));
    }

    [Test]
    public async Task AddAfter_WithTheSystemClock_HandsTheItemOutAfterTheDelay()
    {
        using var queue = new DelayingWorkQueue<string>();
        var added = TimeProvider.System.GetTimestamp();
        queue.AddAfter("a", TimeSpan.FromMilliseconds(20));

        var result = await queue.GetAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        result.Should().Be(("a", false));
        TimeProvider.System.GetElapsedTime(added).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(20));
    }
}
