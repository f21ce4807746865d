using FluentAssertions;
using Operators.WorkQueue.Metrics;
using PrometheusMetrics = Prometheus.Metrics;

namespace Operators.WorkQueue.Tests;

/// <summary>The steady-state Add → Get → Done cycle of string keys allocates nothing.</summary>
public class AllocationTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 64).Select(i => $"default/object-{i}")];

    [Test]
    public void AddGetDone_OneKeyAtATime_AllocatesNothing()
    {
        using var queue = new WorkQueue<string>();

        AllocatedBytes(() => CycleOneByOne(queue)).Should().Be(0);
    }

    [Test]
    public void AddGetDone_ManyKeysQueuedAtOnce_AllocatesNothing()
    {
        using var queue = new WorkQueue<string>();

        AllocatedBytes(() => CycleInBatches(queue)).Should().Be(0);
    }

    [Test]
    public void AddGetDone_WithPrioritiesAndRaises_AllocatesNothing()
    {
        using var queue = new PriorityWorkQueue<string>();

        AllocatedBytes(() =>
        {
            foreach (var key in Keys)
            {
                queue.Add(key, new AddOptions { Priority = WorkQueuePriority.Low });
            }

            for (var i = 0; i < Keys.Length; i += 4)
            {
                queue.Add(Keys[i]);
            }

            while (queue.Count > 0)
            {
                var pending = queue.GetWithPriorityAsync();
                queue.Done(pending.Result.Item);
            }
        }).Should().Be(0);
    }

    [Test]
    public void AddGetDone_WithPrometheusMetrics_AllocatesNothing()
    {
        using var queue = new WorkQueue<string>(
            new WorkQueueOptions { Name = "allocations" },
            metricsProvider: new PrometheusWorkQueueMetricsProvider(PrometheusMetrics.NewCustomRegistry()));

        AllocatedBytes(() => CycleOneByOne(queue)).Should().Be(0);
    }

    private static void CycleOneByOne(WorkQueue<string> queue)
    {
        for (var i = 0; i < 1_000; i++)
        {
            queue.Add(Keys[i % Keys.Length]);
            var pending = queue.GetAsync();
            queue.Done(pending.Result.Item);
        }
    }

    private static void CycleInBatches(WorkQueue<string> queue)
    {
        for (var round = 0; round < 20; round++)
        {
            foreach (var key in Keys)
            {
                queue.Add(key);
            }

            while (queue.Count > 0)
            {
                var pending = queue.GetAsync();
                queue.Done(pending.Result.Item);
            }
        }
    }

    /// <summary>Runs <paramref name="cycle"/> to warm up, then counts what a few more runs allocate on this thread.</summary>
    private static long AllocatedBytes(Action cycle)
    {
        for (var i = 0; i < 20; i++)
        {
            cycle();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            cycle();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
