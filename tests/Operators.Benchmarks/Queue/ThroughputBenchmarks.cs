using BenchmarkDotNet.Attributes;
using Operators.WorkQueue;

namespace Operators.Benchmarks.Queue;

/// <summary>
/// Contended throughput: 2 producers add 1,000,000 keys (500,000 each, over 10,000 distinct keys)
/// while 2 consumers get and finish them; an invocation ends when the producers are done and the
/// queue is empty. The time per operation is per add; the report shows it as adds per second.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private const int Adds = 1_000_000;
    private const int Distinct = 10_000;
    private const int Producers = 2;
    private const int Consumers = 2;

    private string[] _keys = [];

    [GlobalSetup]
    public void Setup() => _keys = QueueKeys.Create(Distinct);

    [Benchmark(OperationsPerInvoke = Adds)]
    [Goal("2 producers × 2 consumers, 1M adds over 10k keys", Reference = "client-go 8.2 M adds/s", MinPerSecond = 8_200_000)]
    public int TwoProducersTwoConsumers()
    {
        using var queue = new WorkQueue<string>();
        var consumers = new Task<int>[Consumers];
        for (var c = 0; c < Consumers; c++)
        {
            consumers[c] = Task.Run(() => ConsumeAsync(queue));
        }

        var producers = new Task[Producers];
        for (var p = 0; p < Producers; p++)
        {
            var offset = p * (Distinct / Producers);
            producers[p] = Task.Run(() => Produce(queue, offset));
        }

        Task.WaitAll(producers);
        SpinWait.SpinUntil(() => queue.Count == 0);
        queue.ShutDown();
        Task.WaitAll(consumers);
        return consumers.Sum(c => c.Result);
    }

    private void Produce(WorkQueue<string> queue, int offset)
    {
        var keys = _keys;
        for (var i = 0; i < Adds / Producers; i++)
        {
            queue.Add(keys[(offset + i) % Distinct]);
        }
    }

    private static async Task<int> ConsumeAsync(WorkQueue<string> queue)
    {
        var handled = 0;
        while (true)
        {
            var (key, shutdown) = await queue.GetAsync().ConfigureAwait(false);
            if (shutdown)
            {
                return handled;
            }

            queue.Done(key);
            handled++;
        }
    }
}
