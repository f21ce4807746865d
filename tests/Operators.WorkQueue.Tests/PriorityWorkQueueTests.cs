using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Operators.WorkQueue.Tests;

public class PriorityWorkQueueTests
{
    private FakeTimeProvider _time = null!;
    private PriorityWorkQueue<string> _queue = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _queue = new PriorityWorkQueue<string>(rateLimiter: new FixedRateLimiter<string>(TimeSpan.FromSeconds(5)), timeProvider: _time);
    }

    [TearDown]
    public void TearDown() => _queue.Dispose();

    [Test]
    public void Get_HandsOutTheHighestPriorityFirst()
    {
        _queue.Add("low", new AddOptions { Priority = WorkQueuePriority.Low });
        _queue.Add("normal", new AddOptions());
        _queue.Add("high", new AddOptions { Priority = 10 });

        _queue.TakeAllAndDone().Should().Equal("high", "normal", "low");
    }

    [Test]
    public void Get_WithinOnePriority_IsFirstInFirstOut()
    {
        foreach (var item in new[] { "c", "a", "b" })
        {
            _queue.Add(item, new AddOptions { Priority = 3 });
        }

        _queue.TakeAllAndDone().Should().Equal("c", "a", "b");
    }

    [Test]
    public void Add_ItemsFromAnInitialList_AreOvertakenByRealChanges()
    {
        for (var i = 0; i < 100; i++)
        {
            _queue.Add($"listed-{i}", new AddOptions { Priority = WorkQueuePriority.Low });
        }

        _queue.Add("changed");

        _queue.Take().Should().Be("changed");
    }

    [Test]
    public void Add_WhenItemIsQueuedWithALowerPriority_RaisesItAndKeepsOneCopy()
    {
        _queue.Add("a", new AddOptions { Priority = WorkQueuePriority.Low });
        _queue.Add("b");

        _queue.Add("a", new AddOptions { Priority = 5 });

        _queue.Count.Should().Be(2);
        _queue.TakeWithPriority().Should().Be(("a", 5));
        _queue.TakeAllAndDone().Should().Equal("b");
    }

    [Test]
    public void Add_WhenItemIsQueuedWithAHigherPriority_KeepsTheHigher()
    {
        _queue.Add("a", new AddOptions { Priority = 5 });

        _queue.Add("a", new AddOptions { Priority = WorkQueuePriority.Low });
        _queue.Add("a");

        _queue.TakeWithPriority().Should().Be(("a", 5));
        _queue.Count.Should().Be(0);
    }

    [Test]
    public void Add_WhenPriorityIsRaised_JoinsTheBackOfItsNewPriority()
    {
        _queue.Add("a", new AddOptions { Priority = WorkQueuePriority.Low });
        _queue.Add("b");

        _queue.Add("a");

        _queue.TakeAllAndDone().Should().Equal("b", "a");
    }

    [Test]
    public void Add_WhileItemIsBeingProcessed_HandsItOutAfterDoneWithTheHigherPriority()
    {
        _queue.Add("a", new AddOptions { Priority = WorkQueuePriority.Low });
        var (item, _) = _queue.TakeWithPriority();
        _queue.Add("a", new AddOptions { Priority = 7 });
        _queue.Add("b", new AddOptions { Priority = 3 });

        _queue.Done(item);

        _queue.TakeWithPriority().Should().Be(("a", 7));
    }

    [Test]
    public async Task GetWithPriorityAsync_WhenAConsumerWaits_HandsItTheItemAndItsPriority()
    {
        var pending = _queue.GetWithPriorityAsync();

        _queue.Add("a", new AddOptions { Priority = 4 });

        (await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(("a", 4, false));
    }

    [Test]
    public void Add_WithAfter_WaitsThenTakesItsPlaceByPriority()
    {
        _queue.Add("delayed", new AddOptions { After = TimeSpan.FromSeconds(1), Priority = 9 });
        _queue.Add("now");
        _queue.Count.Should().Be(1);

        _time.Advance(TimeSpan.FromSeconds(1));

        _queue.TakeWithPriority().Should().Be(("delayed", 9));
        _queue.TakeAllAndDone().Should().Equal("now");
    }

    [Test]
    public void Add_ToAWaitingItemWithAHigherPriority_RaisesItsPriority()
    {
        _queue.Add("a", new AddOptions { After = TimeSpan.FromSeconds(2), Priority = WorkQueuePriority.Low });

        _queue.Add("a", new AddOptions { After = TimeSpan.FromSeconds(4), Priority = 6 });
        _time.Advance(TimeSpan.FromSeconds(2));

        _queue.TakeWithPriority().Should().Be(("a", 6));
    }

    [TestCase(0, 5, Description = "rate limited only: the limiter's 5 s")]
    [TestCase(2, 2, Description = "after shorter than the limiter")]
    [TestCase(9, 5, Description = "after longer than the limiter")]
    public void Add_RateLimited_WaitsTheShorterOfAfterAndTheRateLimiter(int afterSeconds, int expectedSeconds)
    {
        _queue.Add("a", new AddOptions { After = TimeSpan.FromSeconds(afterSeconds), RateLimited = true });

        _time.Advance(TimeSpan.FromSeconds(expectedSeconds) - TimeSpan.FromMilliseconds(1));
        _queue.Count.Should().Be(0);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _queue.Count.Should().Be(1);
        _queue.NumRequeues("a").Should().Be(1);
    }

    [Test]
    public void AddRateLimited_UsesTheNormalPriority()
    {
        _queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromSeconds(5));

        _queue.TakeWithPriority().Should().Be(("a", WorkQueuePriority.Normal));
    }

    [Test]
    public void Add_WithManyDistinctPriorities_HandsThemOutHighestFirstEveryTime()
    {
        var priorities = Enumerable.Range(-20, 41).Select(p => p * 5).ToArray();
        new Random(7).Shuffle(priorities);

        for (var round = 0; round < 3; round++)
        {
            foreach (var priority in priorities)
            {
                _queue.Add($"p{priority}", new AddOptions { Priority = priority + round });
            }

            var order = new List<int>();
            while (_queue.Count > 0)
            {
                var (item, priority) = _queue.TakeWithPriority();
                order.Add(priority);
                _queue.Done(item);
            }

            order.Should().HaveCount(priorities.Length).And.BeInDescendingOrder();
        }
    }
}
