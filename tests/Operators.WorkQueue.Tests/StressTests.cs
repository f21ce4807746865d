using FluentAssertions;
using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests;

/// <summary>
/// Many producers and consumers on real threads. Each proves two properties: no key is ever
/// processed by two consumers at once, and no add is lost (every key is processed again after its
/// last add). Bounded in time; the assertions hold for every interleaving, so they do not flake.
/// </summary>
public class StressTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Add_FromManyProducersToManyConsumers_LosesNothingAndNeverOverlapsAKey()
    {
        using var queue = new WorkQueue<string>();
        var run = new Run(queue, keyCount: 8);

        await run.ProduceAsync(producers: 4, addsEach: 20_000, (key, _) => queue.Add(key));
        await run.FinishAsync();

        run.Overlaps.Should().Be(0);
        run.Processed.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(80_000, "adds of a queued key are merged");
    }

    [Test]
    public async Task GetAsync_WithConsumersThatKeepCancelling_LosesNothing()
    {
        using var queue = new WorkQueue<string>();
        var run = new Run(queue, keyCount: 16, cancellingConsumers: 4);

        await run.ProduceAsync(producers: 2, addsEach: 10_000, (key, _) => queue.Add(key));
        await run.FinishAsync();

        run.Overlaps.Should().Be(0);
        run.Cancellations.Should().BeGreaterThan(0, "the test must exercise cancelled waits");
    }

    [Test]
    public async Task PriorityQueue_WithDelaysRateLimitsAndPriorities_LosesNothingAndNeverOverlapsAKey()
    {
        var backoff = new ExponentialFailureRateLimiter<string>(
            new ExponentialFailureRateLimiterOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(3) });
        using var queue = new PriorityWorkQueue<string>(rateLimiter: backoff);
        var run = new Run(queue, keyCount: 16, forget: queue.Forget);

        await run.ProduceAsync(producers: 4, addsEach: 10_000, (key, random) =>
        {
            switch (random.Next(5))
            {
                case 0:
                    queue.Add(key, new AddOptions { Priority = WorkQueuePriority.Low });
                    break;
                case 1:
                    queue.Add(key, new AddOptions { Priority = random.Next(-5, 5) });
                    break;
                case 2:
                    queue.AddAfter(key, TimeSpan.FromMilliseconds(random.Next(0, 3)));
                    break;
                case 3:
                    queue.AddRateLimited(key);
                    break;
                default:
                    queue.Add(key, new AddOptions { After = TimeSpan.FromMilliseconds(random.Next(1, 3)), Priority = 2 });
                    break;
            }
        });
        await run.FinishAsync();

        run.Overlaps.Should().Be(0);
    }

    [Test]
    public async Task ShutDownWithDrainAsync_UnderLoad_CompletesOnlyWhenNothingIsInFlight()
    {
        using var queue = new WorkQueue<string>();
        var run = new Run(queue, keyCount: 32);
        var producing = run.ProduceAsync(producers: 2, addsEach: 50_000, (key, _) => queue.Add(key));

        await run.WaitForProcessingAsync(1_000);
        await queue.ShutDownWithDrainAsync().AsTask().WaitAsync(Deadline);

        run.InFlight.Should().Be(0);
        await producing.WaitAsync(Deadline);
        await run.StopConsumersAsync();
        run.Overlaps.Should().Be(0);
    }

    /// <summary>The consumers, the bookkeeping and the checks of one stress run.</summary>
    private sealed class Run
    {
        private readonly IWorkQueue<string> _queue;
        private readonly Action<string>? _forget;
        private readonly string[] _keys;
        private readonly Dictionary<string, int> _indexes;
        private readonly int[] _active;
        private readonly long[] _lastAdded;
        private readonly long[] _lastStarted;
        private readonly List<Task> _consumers = [];
        private long _clock;
        private int _overlaps;
        private int _processed;
        private int _cancellations;
        private int _inFlight;

        public Run(IWorkQueue<string> queue, int keyCount, int consumers = 4, int cancellingConsumers = 0, Action<string>? forget = null)
        {
            _queue = queue;
            _forget = forget;
            _keys = [.. Enumerable.Range(0, keyCount).Select(i => $"ns/key-{i}")];
            _indexes = _keys.Select((key, index) => (key, index)).ToDictionary(pair => pair.key, pair => pair.index);
            _active = new int[keyCount];
            _lastAdded = new long[keyCount];
            _lastStarted = new long[keyCount];
            for (var i = 0; i < consumers + cancellingConsumers; i++)
            {
                var cancelling = i >= consumers;
                var seed = i;
                _consumers.Add(Task.Run(() => ConsumeAsync(new Random(seed), cancelling)));
            }
        }

        public int Overlaps => Volatile.Read(ref _overlaps);

        public int Processed => Volatile.Read(ref _processed);

        public int Cancellations => Volatile.Read(ref _cancellations);

        public int InFlight => Volatile.Read(ref _inFlight);

        public Task ProduceAsync(int producers, int addsEach, Action<string, Random> add) =>
            Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
            {
                var random = new Random(1000 + p);
                for (var n = 0; n < addsEach; n++)
                {
                    var index = random.Next(_keys.Length);
                    Max(ref _lastAdded[index], Interlocked.Increment(ref _clock));
                    add(_keys[index], random);
                    if (n % 64 == 0)
                    {
                        await Task.Yield();
                    }
                }
            }))).WaitAsync(Deadline);

        public async Task WaitForProcessingAsync(int processed)
        {
            using var timeout = new CancellationTokenSource(Deadline);
            while (Processed < processed)
            {
                await Task.Delay(1, timeout.Token);
            }
        }

        /// <summary>Waits until every key was processed after its last add, then shuts down and checks.</summary>
        public async Task FinishAsync()
        {
            using var timeout = new CancellationTokenSource(Deadline);
            while (!EveryAddWasProcessed())
            {
                if (timeout.IsCancellationRequested)
                {
                    var lost = Enumerable.Range(0, _keys.Length).Where(i => Volatile.Read(ref _lastStarted[i]) < Volatile.Read(ref _lastAdded[i]));
                    Assert.Fail($"Adds were lost for {string.Join(", ", lost.Select(i => _keys[i]))}.");
                }

                await Task.Delay(1, CancellationToken.None);
            }

            Overlaps.Should().Be(0, "no key may be processed by two consumers at once");
            await _queue.ShutDownWithDrainAsync().AsTask().WaitAsync(Deadline);
            await StopConsumersAsync();
        }

        public Task StopConsumersAsync() => Task.WhenAll(_consumers).WaitAsync(Deadline);

        private static void Max(ref long location, long value)
        {
            var current = Volatile.Read(ref location);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref location, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }

        private bool EveryAddWasProcessed()
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (Volatile.Read(ref _lastStarted[i]) < Volatile.Read(ref _lastAdded[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private async Task ConsumeAsync(Random random, bool cancelling)
        {
            while (true)
            {
                (string Item, bool Shutdown) next;
                if (cancelling)
                {
                    using var cancellation = new CancellationTokenSource(TimeSpan.FromTicks(random.Next(1, 20_000)));
                    try
                    {
                        next = await _queue.GetAsync(cancellation.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref _cancellations);
                        continue;
                    }
                }
                else
                {
                    next = await _queue.GetAsync();
                }

                if (next.Shutdown)
                {
                    return;
                }

                await ProcessAsync(next.Item, random);
            }
        }

        private async Task ProcessAsync(string key, Random random)
        {
            var index = _indexes[key];
            Interlocked.Increment(ref _inFlight);
            if (Interlocked.Increment(ref _active[index]) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            Max(ref _lastStarted[index], Interlocked.Increment(ref _clock));
            if (random.Next(4) == 0)
            {
                await Task.Yield();
            }
            else
            {
                Thread.SpinWait(random.Next(200));
            }

            Interlocked.Decrement(ref _active[index]);
            Interlocked.Increment(ref _processed);
            _forget?.Invoke(key);
            Interlocked.Decrement(ref _inFlight);
            _queue.Done(key);
        }
    }
}
