using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue.Metrics;

namespace Operators.WorkQueue.Tests.Metrics;

/// <summary>How a queue drives the instruments of its metrics provider.</summary>
public class WorkQueueMetricsTests
{
    [Test]
    public void Constructor_WithANamedQueue_AsksForEveryInstrumentUnderTheQueuesName()
    {
        var provider = new RecordingMetricsProvider();

        using var queue = new WorkQueue<string>(new WorkQueueOptions { Name = "nova-agent" }, new FakeTimeProvider(), provider);

        provider.Created.Should().BeEquivalentTo(
            "workqueue_depth/nova-agent",
            "workqueue_adds_total/nova-agent",
            "workqueue_queue_duration_seconds/nova-agent",
            "workqueue_work_duration_seconds/nova-agent",
            "workqueue_unfinished_work_seconds/nova-agent",
            "workqueue_longest_running_processor_seconds/nova-agent",
            "workqueue_retries_total/nova-agent");
    }

    [Test]
    public void Constructor_WithoutAName_AsksForNoInstrumentAndStartsNoTimer()
    {
        var provider = new RecordingMetricsProvider();
        var time = new CountingTimeProvider();

        using var queue = new WorkQueue<string>(new WorkQueueOptions(), time, provider);
        queue.Add("a");

        provider.Created.Should().BeEmpty();
        time.TimersCreated.Should().Be(0);
    }

    [Test]
    public void Constructor_WithTheNoopProvider_StartsNoTimer()
    {
        var time = new CountingTimeProvider();

        using var queue = new WorkQueue<string>(new WorkQueueOptions { Name = "q" }, time, NoopWorkQueueMetricsProvider.Instance);

        time.TimersCreated.Should().Be(0);
    }

    [Test]
    public void NoopProvider_InstrumentsAcceptEveryCall()
    {
        var provider = NoopWorkQueueMetricsProvider.Instance;

        FluentActions.Invoking(() =>
        {
            provider.CreateDepthMetric("q").Increment();
            provider.CreateDepthMetric("q").Decrement();
            provider.CreateAddsMetric("q").Increment();
            provider.CreateQueueDurationMetric("q").Observe(1);
            provider.CreateWorkDurationMetric("q").Observe(1);
            provider.CreateUnfinishedWorkMetric("q").Set(1);
            provider.CreateLongestRunningProcessorMetric("q").Set(1);
            provider.CreateRetriesMetric("q").Increment();
        }).Should().NotThrow();
    }

    [Test]
    public void UnfinishedWork_AfterShutDownAndTheLastDone_FallsToZero()
    {
        var provider = new RecordingMetricsProvider();
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(new WorkQueueOptions { Name = "q" }, time, provider);
        queue.Add("a");
        var item = queue.Take();

        queue.ShutDown();
        time.Advance(TimeSpan.FromMilliseconds(500));
        provider.UnfinishedWork.Value.Should().Be(0.5, "work in flight is still reported during shutdown");

        queue.Done(item);
        time.Advance(TimeSpan.FromMilliseconds(500));
        provider.UnfinishedWork.Value.Should().Be(0);
        provider.LongestRunningProcessor.Value.Should().Be(0);
    }

    [Test]
    public void UnfinishedWorkUpdatePeriod_SetsHowOftenTheGaugesAreUpdated()
    {
        var provider = new RecordingMetricsProvider();
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(
            new WorkQueueOptions { Name = "q", UnfinishedWorkUpdatePeriod = TimeSpan.FromSeconds(2) }, time, provider);
        queue.Add("a");
        queue.Take();

        time.Advance(TimeSpan.FromSeconds(1));
        provider.LongestRunningProcessor.Value.Should().Be(0);

        time.Advance(TimeSpan.FromSeconds(1));
        provider.LongestRunningProcessor.Value.Should().Be(2);
    }
}
