using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Controllers;
using Operators.WorkQueue;
using Prometheus;

namespace Operators.Runtime.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly ReconcileRequest Key = new("ns", "a");

    [Test]
    public async Task Reconcile_WhenDone_ForgetsTheKeyAndCountsSuccess()
    {
        await using var harness = new Harness(_ => Task.FromResult(ReconcileResult.Done));

        harness.Queue.Add(Key);

        (await harness.WaitForCallsAsync(1)).Should().BeTrue();
        (await Harness.WaitUntilAsync(() => harness.Count("success") == 1)).Should().BeTrue();
        harness.Queue.NumRequeues(Key).Should().Be(0);
    }

    [Test]
    public async Task Reconcile_WhenItThrows_RequeuesWithBackoffAndTheWorkerSurvives()
    {
        var attempts = 0;
        await using var harness = new Harness(_ => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("boom")
            : Task.FromResult(ReconcileResult.Done));

        harness.Queue.Add(Key);
        (await Harness.WaitUntilAsync(() => harness.Count("error") == 1)).Should().BeTrue();
        harness.Queue.NumRequeues(Key).Should().Be(1);

        harness.Time.Advance(TimeSpan.FromMilliseconds(5));

        (await harness.WaitForCallsAsync(2)).Should().BeTrue("the key comes back after the 5 ms backoff");
        (await Harness.WaitUntilAsync(() => harness.Count("success") == 1)).Should().BeTrue();
        harness.Queue.NumRequeues(Key).Should().Be(0);
    }

    [Test]
    public async Task Reconcile_WhenTerminal_DoesNotRequeue()
    {
        await using var harness = new Harness(_ => throw new TerminalReconcileException("spec.zone is invalid"));

        harness.Queue.Add(Key);
        (await Harness.WaitUntilAsync(() => harness.Count("error") == 1)).Should().BeTrue();
        harness.Time.Advance(TimeSpan.FromMinutes(10));

        harness.Queue.Count.Should().Be(0);
        harness.Calls.Should().ContainSingle();
        harness.Metric("controller_runtime_terminal_reconcile_errors_total").Should().Contain("controller=\"test\"");
    }

    [Test]
    public async Task Reconcile_WithRequeueAfter_ComesBackAfterTheDelayOnly()
    {
        var first = true;
        await using var harness = new Harness(_ =>
        {
            var result = first ? ReconcileResult.After(TimeSpan.FromSeconds(30)) : ReconcileResult.Done;
            first = false;
            return Task.FromResult(result);
        });

        harness.Queue.Add(Key);
        (await Harness.WaitUntilAsync(() => harness.Count("requeue_after") == 1)).Should().BeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        harness.Calls.Should().ContainSingle();

        harness.Time.Advance(TimeSpan.FromSeconds(1));

        (await harness.WaitForCallsAsync(2)).Should().BeTrue();
    }

    [Test]
    public async Task Reconcile_SameKey_IsNeverRunConcurrently_EvenWithManyWorkers()
    {
        var running = 0;
        var overlaps = 0;
        await using var harness = new Harness(async _ =>
        {
            if (Interlocked.Increment(ref running) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
            return ReconcileResult.Done;
        }, workers: 4);

        for (var i = 0; i < 200; i++)
        {
            harness.Queue.Add(Key);
            await Task.Yield();
        }

        (await Harness.WaitUntilAsync(() => harness.Queue.Count == 0 && Volatile.Read(ref running) == 0)).Should().BeTrue();
        overlaps.Should().Be(0);
    }

    [Test]
    public async Task Stop_LetsTheInFlightReconcileFinish()
    {
        var release = new TaskCompletionSource();
        var finished = false;
        var harness = new Harness(async _ =>
        {
            await release.Task;
            finished = true;
            return ReconcileResult.Done;
        });
        harness.Queue.Add(Key);
        (await harness.WaitForCallsAsync(1)).Should().BeTrue();

        var stopping = harness.DisposeAsync().AsTask();
        stopping.IsCompleted.Should().BeFalse("a reconcile is still running");
        release.SetResult();
        await stopping;

        finished.Should().BeTrue();
    }

    [Test]
    public async Task Reconcile_PastTheTimeout_IsCancelledAndCountedAsAnError()
    {
        await using var harness = new Harness(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return ReconcileResult.Done;
        }, timeout: TimeSpan.FromSeconds(30));

        harness.Queue.Add(Key);
        (await harness.WaitForCallsAsync(1)).Should().BeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        (await Harness.WaitUntilAsync(() => harness.Count("error") == 1)).Should().BeTrue();
        harness.Queue.NumRequeues(Key).Should().Be(1, "a timed-out reconcile is requeued with backoff");
    }

    [Test]
    public async Task Metrics_UseControllerRuntimeNamesAndLabels()
    {
        await using var harness = new Harness(_ => Task.FromResult(ReconcileResult.Requeue));

        harness.Queue.Add(Key);
        (await Harness.WaitUntilAsync(() => harness.Count("requeue") >= 1)).Should().BeTrue();

        var text = harness.Metric("controller_runtime_");
        text.Should().Contain("controller_runtime_reconcile_total{controller=\"test\",result=\"requeue\"}")
            .And.Contain("controller_runtime_reconcile_time_seconds_bucket{controller=\"test\"")
            .And.Contain("controller_runtime_max_concurrent_reconciles{controller=\"test\"} 1")
            .And.Contain("controller_runtime_active_workers{controller=\"test\"}");
    }

    private sealed class Harness : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();

        public Harness(Func<ReconcileRequest, Task<ReconcileResult>> reconcile, int workers = 1)
            : this((r, _) => reconcile(r), workers, timeout: null)
        {
        }

        public Harness(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile, int workers = 1, TimeSpan? timeout = null)
        {
            Queue = new PriorityWorkQueue<ReconcileRequest>(new WorkQueueOptions { Name = "test" }, timeProvider: Time);
            var controller = new Controller(new ControllerOptions { Name = "test", MaxConcurrentReconciles = workers, ReconcileTimeout = timeout },
                new DelegateReconciler((r, token) =>
                {
                    Calls.Enqueue(r);
                    return reconcile(r, token);
                }), Queue, NullLogger.Instance, _registry, Time);
            _run = controller.RunAsync(_stop.Token);
        }

        public FakeTimeProvider Time { get; } = new();

        public PriorityWorkQueue<ReconcileRequest> Queue { get; }

        public ConcurrentQueue<ReconcileRequest> Calls { get; } = new();

        public double Count(string result) =>
            Metric("controller_runtime_reconcile_total").Split('\n')
                .Where(l => l.StartsWith($"controller_runtime_reconcile_total{{controller=\"test\",result=\"{result}\"}}", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();

        public string Metric(string prefix)
        {
            using var stream = new MemoryStream();
            _registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
            var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            return string.Join('\n', text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)));
        }

        public Task<bool> WaitForCallsAsync(int count) => WaitUntilAsync(() => Calls.Count >= count);

        public static async Task<bool> WaitUntilAsync(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(5);
            }

            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run;
            _stop.Dispose();
            Queue.Dispose();
        }
    }

    private sealed class DelegateReconciler(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) => reconcile(request, cancellationToken);
    }
}
