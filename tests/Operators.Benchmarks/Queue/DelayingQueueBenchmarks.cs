using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue;

namespace Operators.Benchmarks.Queue;

/// <summary>
/// <c>AddAfter</c> into a heap that already holds 10,000 waiting items (due in a year), on a fake
/// clock: each invocation delays a batch of keys by 1–8 ms, steps the clock so they become ready,
/// then gets and finishes them all. The time per operation is one key's whole delayed trip.
/// </summary>
[MemoryDiagnoser]
public class DelayingQueueBenchmarks : IDisposable
{
    private const int Waiting = 10_000;
    private const int Batch = 1_024;

    private readonly FakeTimeProvider _time = new();
    private string[] _keys = [];
    private DelayingWorkQueue<string> _queue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keys = QueueKeys.Create(Batch, "delayed");
        _queue = new DelayingWorkQueue<string>(timeProvider: _time);
        foreach (var key in QueueKeys.Create(Waiting, "waiting"))
        {
            _queue.AddAfter(key, TimeSpan.FromDays(365));
        }
    }

    /// <summary>Stops the queues' timers (BenchmarkDotNet's global cleanup).</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _queue?.Dispose();
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    [Goal("AddAfter with 10k waiting (then ready → get → done)", Reference = "client-go 693 ns")]
    public void AddAfterWithTenThousandWaiting()
    {
        for (var i = 0; i < Batch; i++)
        {
            _queue.AddAfter(_keys[i], TimeSpan.FromMilliseconds(1 + (i & 7)));
        }

        _time.Advance(TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < Batch; i++)
        {
            _queue.Done(QueueKeys.Ready(_queue.GetAsync()));
        }
    }
}
