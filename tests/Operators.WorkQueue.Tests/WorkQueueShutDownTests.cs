using FluentAssertions;

namespace Operators.WorkQueue.Tests;

public class WorkQueueShutDownTests
{
    [Test]
    public async Task ShutDown_ReleasesWaitingConsumers()
    {
        using var queue = new WorkQueue<string>();
        var pending = queue.GetAsync();

        queue.ShutDown();

        (await pending.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Shutdown.Should().BeTrue();
    }

    [Test]
    public void ShutDown_DropsQueuedItemsAndIgnoresLaterAdds()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");

        queue.ShutDown();
        queue.Add("b");

        queue.IsShuttingDown.Should().BeTrue();
        queue.Count.Should().Be(0);
        var next = queue.GetAsync();
        next.IsCompleted.Should().BeTrue();
        next.Result.Shutdown.Should().BeTrue();
    }

    [Test]
    public void Done_AfterShutDown_DoesNotQueueTheItemAgain()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var item = queue.Take();
        queue.Add("a");

        queue.ShutDown();
        queue.Done(item);

        queue.Count.Should().Be(0);
    }

    [Test]
    public async Task ShutDownWithDrainAsync_WaitsUntilEveryHandedOutItemIsDone()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        var a = queue.Take();
        var b = queue.Take();

        var drained = queue.ShutDownWithDrainAsync().AsTask();

        queue.IsShuttingDown.Should().BeTrue();
        drained.IsCompleted.Should().BeFalse();
        queue.Done(a);
        drained.IsCompleted.Should().BeFalse();
        queue.Done(b);
        await drained.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public void ShutDownWithDrainAsync_WhenNothingIsBeingProcessed_CompletesAtOnce()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");

        queue.ShutDownWithDrainAsync().IsCompleted.Should().BeTrue();
    }

    [Test]
    public async Task ShutDown_DuringADrain_EndsTheWait()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Take();
        var drained = queue.ShutDownWithDrainAsync().AsTask();

        queue.ShutDown();

        await drained.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task ShutDownWithDrainAsync_WhenCancelled_StopsWaitingAndStaysShutDown()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Take();
        using var cancellation = new CancellationTokenSource();
        var drained = queue.ShutDownWithDrainAsync(cancellation.Token).AsTask();

        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => drained).Should().ThrowAsync<OperationCanceledException>();
        queue.IsShuttingDown.Should().BeTrue();
    }

    [Test]
    public void Dispose_ShutsTheQueueDown()
    {
        var queue = new WorkQueue<string>();

        queue.Dispose();

        queue.IsShuttingDown.Should().BeTrue();
    }
}
