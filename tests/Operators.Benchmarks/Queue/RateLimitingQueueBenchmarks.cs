using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Operators.WorkQueue;

namespace Operators.Benchmarks.Queue;

/// <summary>
/// Rate-limited re-adds with the default controller limiter (per key 5 ms doubling to 1000 s, overall
/// 10/s with burst 100), on a fake clock.
/// </summary>
[MemoryDiagnoser]
public class RateLimitingQueueBenchmarks : IDisposable
{
    private const int Batch = 1_024;

    private readonly FakeTimeProvider _time = new();
    private string[] _keys = [];
    private RateLimitingWorkQueue<string> _failing = null!;
    private RateLimitingWorkQueue<string> _queued = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _keys = QueueKeys.Create(Batch);
        _failing = new RateLimitingWorkQueue<string>(timeProvider: _time);
        _queued = new RateLimitingWorkQueue<string>(timeProvider: _time);
        foreach (var key in _keys)
        {
            _failing.Add(key);
            _queued.Add(key);
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
            _failing?.Dispose();
            _queued?.Dispose();
        }
    }

    /// <summary>
    /// A failing reconcile's path for a batch of keys: get → <c>AddRateLimited</c> → done; then the
    /// clock steps past the longest delay so every key is ready again.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    [Goal("get → AddRateLimited → done (failure retry), then ready again")]
    public void RetryCycle()
    {
        for (var i = 0; i < Batch; i++)
        {
            var key = QueueKeys.Ready(_failing.GetAsync());
            _failing.AddRateLimited(key);
            _failing.Done(key);
        }

        _time.Advance(TimeSpan.FromSeconds(1_200));
    }

    /// <summary><c>AddRateLimited</c> of a key that is already queued: the limiter is asked, the queue keeps one copy.</summary>
    [Benchmark]
    [Goal("AddRateLimited of a queued key", MaxBytes = 0)]
    public void RateLimitedReAddOfQueuedKey()
    {
        _queued.AddRateLimited(_keys[_next]);
        _next = (_next + 1) % Batch;
    }
}
