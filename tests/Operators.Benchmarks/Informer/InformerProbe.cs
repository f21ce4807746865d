using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.Benchmarks.Cluster;
using Operators.Benchmarks.Measuring;
using Operators.Runtime.Cache;

namespace Operators.Benchmarks.Informer;

/// <summary>
/// The measured side of the informer benchmark, run as its own process (like an operator) so that its
/// managed heap holds the informer and nothing of the API server: syncs a warm-up informer and stops
/// it, takes the baseline, syncs the measured informer (time, peak, retained), then runs the
/// latency probe. Prints one line <c>@@result {json}</c>.
/// </summary>
internal static class InformerProbe
{
    public const string Command = "informer-probe";
    public const string ResultPrefix = "@@result ";
    private const int JsonSample = 200;

    /// <summary>Arguments: server URL, namespace, warm-up namespace, objects, events/s, seconds, writers.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var server = new Uri(args[0]);
        var (namespaceName, warmUp) = (args[1], args[2]);
        var objects = int.Parse(args[3], CultureInfo.InvariantCulture);
        var perSecond = double.Parse(args[4], CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture));
        var writers = int.Parse(args[6], CultureInfo.InvariantCulture);
        var client = BenchClient.Create(server, out var kubernetes);
        using var owned = kubernetes;

        var warmUpCache = await SyncOnceAsync(client, warmUp, cancellationToken);
        var warmUpCollected = await ManagedHeap.WaitUntilCollectedAsync(warmUpCache, TimeSpan.FromSeconds(30), cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var factory = new SharedInformerFactory(client, new SharedInformerOptions { ResyncPeriod = TimeSpan.Zero });
        var informer = factory.GetInformer<V1Alpha1NovaAgent>(namespaceName);
        var baseline = await ManagedHeap.SettledAsync(cancellationToken);

        var sampler = MemorySampler.Start(TimeSpan.FromMilliseconds(2));
        var watch = Stopwatch.StartNew();
        factory.Start(stop.Token);
        await factory.WaitForCacheSyncAsync(cancellationToken);
        var syncTime = watch.Elapsed;
        var peak = sampler.Stop() - baseline;
        sampler.Dispose();

        var retained = await ManagedHeap.SettledAsync(cancellationToken) - baseline;
        var gc = GC.GetGCMemoryInfo();
        var cached = informer.Indexer.List();
        Console.WriteLine("probe: a cached object as compact JSON: " + NovaAgentSamples.CompactJson(cached[0]));
        var result = new ProbeResult
        {
            Cached = cached.Count,
            SyncSeconds = syncTime.TotalSeconds,
            PeakBytes = peak,
            RetainedBytes = retained,
            HeapSizeBytes = gc.HeapSizeBytes,
            FragmentedBytes = gc.FragmentedBytes,
            WorkingSetBytes = Environment.WorkingSet,
            JsonBytes = cached.Take(JsonSample).Average(NovaAgentSamples.CompactJsonBytes),
            WarmUpCollected = warmUpCollected,
            BareObjectBytes = await MeasureBareObjectAsync(cached, null, cancellationToken),
            CompactedObjectBytes = await MeasureBareObjectAsync(cached, ObjectTransforms.DropManagedFieldsAndShare<V1Alpha1NovaAgent>(client.JsonOptions), cancellationToken),
        };
        cached = null;

        if (perSecond > 0)
        {
            Console.WriteLine($"probe: synced {result.Cached:N0} in {Figures.Duration(syncTime)}; latency at {perSecond:N0} events/s for {duration.TotalSeconds:N0} s…");
            var latency = await WatchLatencyProbe.RunAsync(informer, client.For<V1Alpha1NovaAgent>(), namespaceName, objects, perSecond, duration, writers, cancellationToken);
            result = result with
            {
                LatencySent = latency.Sent,
                LatencyReceived = latency.Latencies.Count,
                AchievedPerSecond = latency.AchievedPerSecond,
                P50Nanoseconds = latency.Latencies.At(50),
                P90Nanoseconds = latency.Latencies.At(90),
                P99Nanoseconds = latency.Latencies.At(99),
                MaxNanoseconds = latency.Latencies.Max,
                RoundTripNanoseconds = [latency.RoundTrips.At(50), latency.RoundTrips.At(90), latency.RoundTrips.At(99), latency.RoundTrips.Max],
                CollectionsDuringLatency = latency.Collections.Describe(),
            };
        }

        await stop.CancelAsync();
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, ProbeJsonContext.Default.ProbeResult));
        return 0;
    }

    /// <summary>
    /// The managed size of one decoded agent alone (no cache, no index): decodes copies of up to
    /// 2,000 cached objects from their JSON into an array (each passed through <paramref name="transform"/>
    /// when given, e.g. the informer's compaction with a pool of its own) and measures the heap before and
    /// after (the transform's pool included).
    /// </summary>
    private static async Task<double> MeasureBareObjectAsync(
        IReadOnlyList<V1Alpha1NovaAgent> cached, Func<V1Alpha1NovaAgent, V1Alpha1NovaAgent>? transform, CancellationToken cancellationToken)
    {
        var json = cached.Take(2_000).Select(a => JsonSerializer.SerializeToUtf8Bytes(a, OpenStackJsonContext.Default.V1Alpha1NovaAgent)).ToArray();
        var copies = new V1Alpha1NovaAgent?[json.Length];
        var before = await ManagedHeap.SettledAsync(cancellationToken);
        for (var i = 0; i < json.Length; i++)
        {
            var copy = JsonSerializer.Deserialize(json[i], OpenStackJsonContext.Default.V1Alpha1NovaAgent)!;
            copies[i] = transform is null ? copy : transform(copy);
        }

        var after = await ManagedHeap.SettledAsync(cancellationToken);
        GC.KeepAlive(copies);
        GC.KeepAlive(transform);
        return (after - before) / (double)json.Length;
    }

    /// <summary>
    /// Syncs an informer of other objects and stops it, so that compiled code, JSON metadata, the open
    /// connection and pooled buffers are in place before the baseline and do not count as retained.
    /// Returns a weak reference to its cache (which stays reachable for a moment after the stop).
    /// </summary>
    private static async Task<WeakReference> SyncOnceAsync(Runtime.Client.KubeApiClient client, string namespaceName, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var factory = new SharedInformerFactory(client, new SharedInformerOptions { ResyncPeriod = TimeSpan.Zero });
        var weak = new WeakReference(factory.GetInformer<V1Alpha1NovaAgent>(namespaceName).Indexer);
        factory.Start(stop.Token);
        await factory.WaitForCacheSyncAsync(cancellationToken);
        await stop.CancelAsync();
        return weak;
    }
}
