using FluentAssertions;

namespace Operators.WorkQueue.Tests;

public class WorkQueueTests
{
    [Test]
    public void Add_ThenGet_HandsOutTheItem()
    {
        using var queue = new WorkQueue<string>();

        queue.Add("a");

        queue.Count.Should().Be(1);
        queue.Take().Should().Be("a");
        queue.Count.Should().Be(0);
    }

    [Test]
    public void Add_WhenItemIsAlreadyQueued_KeepsOneCopy()
    {
        using var queue = new WorkQueue<string>();

        queue.Add("a");
        queue.Add("a");
        queue.Add("a");

        queue.Count.Should().Be(1);
        queue.TakeAllAndDone().Should().Equal("a");
    }

    [Test]
    public void Get_HandsOutItemsInTheOrderTheyWereAdded()
    {
        using var queue = new WorkQueue<string>();

        foreach (var item in new[] { "c", "a", "d", "b" })
        {
            queue.Add(item);
        }

        queue.TakeAllAndDone().Should().Equal("c", "a", "d", "b");
    }

    [Test]
    public void Add_WhileItemIsBeingProcessed_HandsItOutAgainOnlyAfterDone()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var item = queue.Take();

        queue.Add("a");
        var second = queue.GetAsync();

        queue.Count.Should().Be(0);
        second.IsCompleted.Should().BeFalse("a key is never handed to two consumers at once");

        queue.Done(item);

        second.IsCompleted.Should().BeTrue();
        second.Result.Should().Be(("a", false));
    }

    [Test]
    public void Add_WhileItemIsBeingProcessed_JoinsTheBackOfTheQueueOnDone()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var item = queue.Take();
        queue.Add("a");
        queue.Add("b");

        queue.Done(item);

        queue.TakeAllAndDone().Should().Equal("b", "a");
    }

    [Test]
    public void Done_WhenItemWasNotAddedAgain_LetsItBeAddedAfresh()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Done(queue.Take());

        queue.Count.Should().Be(0);
        queue.Add("a");

        queue.Count.Should().Be(1);
    }

    [Test]
    public void Done_ForAnItemNotHandedOut_IsIgnored()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");

        queue.Done("a");
        queue.Done("never-added");

        queue.Count.Should().Be(1);
        queue.Take().Should().Be("a");
    }

    [Test]
    public async Task GetAsync_WhenEmpty_WaitsForTheNextAdd()
    {
        using var queue = new WorkQueue<string>();
        var pending = queue.GetAsync();
        pending.IsCompleted.Should().BeFalse();

        queue.Add("a");

        (await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(("a", false));
        queue.Count.Should().Be(0, "the item went straight to the waiting consumer");
    }

    [Test]
    public void GetAsync_WithManyWaitingConsumers_WakesOneConsumerPerItem()
    {
        using var queue = new WorkQueue<string>();
        var waiting = Enumerable.Range(0, 4).Select(_ => queue.GetAsync()).ToList();

        queue.Add("a");

        waiting.Count(pending => pending.IsCompleted).Should().Be(1);
        waiting[0].IsCompleted.Should().BeTrue("the consumer that waited longest is served first");

        queue.Add("b");

        waiting.Count(pending => pending.IsCompleted).Should().Be(2);
        waiting[1].IsCompleted.Should().BeTrue();
        queue.ShutDown();
    }

    [Test]
    public async Task GetAsync_WhenCancelledWhileWaiting_ThrowsAndLosesNoItem()
    {
        using var queue = new WorkQueue<string>();
        using var cancellation = new CancellationTokenSource();
        var pending = queue.GetAsync(cancellation.Token);

        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => pending.AsTask()).Should().ThrowAsync<OperationCanceledException>();
        queue.Add("a");
        queue.Take().Should().Be("a");
    }

    [Test]
    public async Task GetAsync_WithACancelledToken_ThrowsEvenWhenAnItemIsReady()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");

        await FluentActions.Awaiting(() => queue.GetAsync(new CancellationToken(canceled: true)).AsTask())
            .Should().ThrowAsync<OperationCanceledException>();
        queue.Count.Should().Be(1);
    }

    [Test]
    public async Task GetAsync_AwaitedTwice_ThrowsAndKeepsTheQueueSound()
    {
        using var queue = new WorkQueue<string>();
        var pending = queue.GetAsync();
        queue.Add("a");
        await pending;

        await FluentActions.Awaiting(async () => await pending).Should().ThrowAsync<InvalidOperationException>();

        var first = queue.GetAsync();
        var second = queue.GetAsync();
        queue.Add("b");
        queue.Add("c");
        (await first).Item.Should().Be("b");
        (await second).Item.Should().Be("c");
    }

    [Test]
    public void Add_WithNull_Throws()
    {
        using var queue = new WorkQueue<string>();

        FluentActions.Invoking(() => queue.Add(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => queue.Done(null!)).Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Add_WithValueTypeItems_WorksTheSame()
    {
        using var queue = new WorkQueue<int>();

        queue.Add(2);
        queue.Add(1);
        queue.Add(2);

        queue.TakeAllAndDone().Should().Equal(2, 1);
    }
}
