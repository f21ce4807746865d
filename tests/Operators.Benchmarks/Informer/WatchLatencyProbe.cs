using System.Diagnostics;
using System.Globalization;
using Operators.Api.NovaAgents;
using Operators.Benchmarks.Cluster;
using Operators.Benchmarks.Measuring;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.Informer;

/// <summary>
/// Watch event → handler latency: writers patch agents at a fixed rate, each patch carrying the
/// sender's <see cref="Stopwatch"/> timestamp (taken just before the request) in an annotation; a
/// handler on the informer subtracts it from the time it is called. So the figure covers the
/// client request, the server's write and watch fan-out, the watch stream over HTTP, decoding,
/// the cache update and the handler's dispatch. Beside it, to show where a slow tail comes from: each
/// patch's round trip as the sender saw it (request, server write, response) and this process's garbage
/// collections during the run.
/// </summary>
internal static class WatchLatencyProbe
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(60);

    public sealed record Result(Percentiles Latencies, Percentiles RoundTrips, int Sent, double AchievedPerSecond, TimeSpan Elapsed, CollectionsDuring Collections);

    public static async Task<Result> RunAsync(
        ISharedInformer<V1Alpha1NovaAgent> informer,
        IResourceClient<V1Alpha1NovaAgent> agents,
        string namespaceName,
        int objects,
        double perSecond,
        TimeSpan duration,
        int writers,
        CancellationToken cancellationToken)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new long[total];
        var roundTrips = new long[total];
        var received = 0;
        var replayed = 0;
        using var subscription = informer.AddEventHandler(new ResourceEventHandler<V1Alpha1NovaAgent>
        {
            Added = (_, _) => Interlocked.Increment(ref replayed),
            Updated = (_, agent, isResync) =>
            {
                var now = Stopwatch.GetTimestamp();
                string? sentAt = null;
                if (isResync || agent.Metadata.Annotations?.TryGetValue(NovaAgentSamples.SentAtAnnotation, out sentAt) != true || sentAt is null)
                {
                    return;
                }

                var slot = Interlocked.Increment(ref received) - 1;
                if (slot < latencies.Length)
                {
                    latencies[slot] = now - long.Parse(sentAt, CultureInfo.InvariantCulture);
                }
            },
        });

        // A late handler first gets every cached object as an add: let those pass before measuring.
        var replay = Stopwatch.StartNew();
        while (Volatile.Read(ref replayed) < informer.Indexer.Count && replay.Elapsed < DrainDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        var pacer = new Pacer(perSecond, total);
        var collections = CollectionsDuring.Start();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(
            async () =>
            {
                while (await pacer.NextAsync(cancellationToken) is var k and >= 0)
                {
                    var started = Stopwatch.GetTimestamp();
                    var patch = NovaAgentSamples.SentAtPatch(started.ToString(CultureInfo.InvariantCulture));
                    await agents.PatchAsync(NovaAgentSamples.NameOf(k % objects), patch, namespaceName, cancellationToken);
                    roundTrips[k] = Stopwatch.GetTimestamp() - started;
                }
            },
            cancellationToken)));
        var sending = watch.Elapsed;

        var drain = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < total && drain.Elapsed < DrainDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        var count = Math.Min(Volatile.Read(ref received), total);
        return new Result(new Percentiles(latencies.Take(count)), new Percentiles(roundTrips), total, total / sending.TotalSeconds, sending, collections.Stop());
    }
}
