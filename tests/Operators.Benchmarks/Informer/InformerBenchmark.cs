using Operators.Benchmarks.Cluster;
using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Informer;

/// <summary>
/// Issue 9, part 2: a shared informer's initial sync of N NovaAgents from the local API server
/// (time, peak and retained managed memory, bytes per cached object against the object's compact
/// JSON), then watch event → handler latency at a fixed event rate on the synced informer. The
/// server runs in this process; the informer in a probe process of its own (<see cref="InformerProbe"/>).
/// </summary>
internal static class InformerBenchmark
{
    private const string Namespace = "bench";
    private const string WarmUpNamespace = "warm-up";
    private const int WarmUpObjects = 1_000;

    public static async Task<ReportSection> RunAsync(InformerSettings settings, CancellationToken cancellationToken)
    {
        var section = new ReportSection("informer", "Informer (issue 9, part 2)");
        var measured = new List<(int Size, ProbeResult Result)>();
        foreach (var size in settings.Sizes)
        {
            if (await MeasureAsync(section, settings, size, latency: measured.Count == 0, cancellationToken) is { } result)
            {
                measured.Add((size, result));
            }
        }

        if (measured.Count >= 2)
        {
            var (small, large) = (measured[0], measured[^1]);
            var marginal = (large.Result.RetainedBytes - small.Result.RetainedBytes) / (double)(large.Result.Cached - small.Result.Cached);
            section.Row(
                $"marginal retained bytes per object ({Figures.Count(small.Size)} → {Figures.Count(large.Size)})",
                $"{Figures.Bytes(marginal)} = {Figures.Ratio(marginal / large.Result.JsonBytes)} its JSON",
                "target ≤ 1.0×",
                marginal <= large.Result.JsonBytes);
        }

        section.Note($"One in-process local API server per size (history of 10,000 changes, garbage collector off); {settings.Writers} concurrent writers create the objects "
            + "through the real client (create, then status). The informer runs in a separate process (this program's `informer-probe` command, workstation GC), "
            + "like an operator: the real `SharedInformerFactory` and `KubeApiClient` over HTTP, page size 500, no resync.");
        section.Note($"Managed memory of the probe process: it first syncs and stops an informer of {Figures.Count(WarmUpObjects)} other objects (compiled code, JSON metadata, "
            + "connection and pooled buffers in place), waits until that informer's cache is collected, then baseline = `GC.GetTotalMemory(true)` (repeated until stable); peak = highest `GC.GetTotalMemory(false)` sampled every 2 ms during the sync "
            + "(garbage included); retained = `GC.GetTotalMemory(true)` after the sync (repeated every 250 ms until stable within 64 KiB, at most 3 s) minus the baseline (cache, indexes, informer state).");
        section.Note("Compact JSON = a cached object (managedFields stripped, as cached) serialized with `OpenStackJsonContext` (nulls omitted), averaged over 200 objects.");
        section.Note($"Latency: {settings.Writers} writers in the probe process send merge patches at the set rate, each carrying the sender's monotonic timestamp "
            + "(taken just before the request) in an annotation; the informer's handler subtracts it from its own call time.");
        return section;
    }

    private static async Task<ProbeResult?> MeasureAsync(ReportSection section, InformerSettings settings, int size, bool latency, CancellationToken cancellationToken)
    {
        Console.WriteLine($"informer: creating {size:N0} NovaAgents (+{WarmUpObjects:N0} for the warm-up)…");
        await using var cluster = await BenchCluster.StartAsync(cancellationToken);
        await cluster.CreateNamespaceAsync(Namespace, cancellationToken);
        await cluster.CreateNamespaceAsync(WarmUpNamespace, cancellationToken);
        await cluster.CreateAgentsAsync(WarmUpNamespace, 0, WarmUpObjects, settings.Writers, withStatus: true, cancellationToken);
        var creating = await cluster.CreateAgentsAsync(Namespace, 0, size, settings.Writers, withStatus: true, cancellationToken);
        Console.WriteLine($"informer: created in {Figures.Duration(creating)}; starting the probe process…");

        var n = Figures.Count(size);
        var result = await ProbeProcess.RunAsync(cluster.Server.BaseAddress, Namespace, WarmUpNamespace, size, settings, latency, cancellationToken);
        if (result is null)
        {
            section.Row($"initial sync of {n} NovaAgents", "failed: the probe process did not report", "", Verdict.NotMet);
            return null;
        }

        var perObject = result.RetainedBytes / (double)result.Cached;
        var ratio = perObject / result.JsonBytes;
        var sync = TimeSpan.FromSeconds(result.SyncSeconds);
        section.Row($"initial sync of {n} NovaAgents: time", $"{Figures.Duration(sync)} ({Figures.Rate(result.Cached / result.SyncSeconds, "objects")})", "no target");
        section.Row($"initial sync of {n}: peak managed memory above baseline", Figures.Bytes(result.PeakBytes), "no target");
        section.Row(
            $"initial sync of {n}: retained managed memory",
            $"{Figures.Bytes(result.RetainedBytes)} (GC heap {Figures.Bytes(result.HeapSizeBytes)}, fragmented {Figures.Bytes(result.FragmentedBytes)}; process working set {Figures.Bytes(result.WorkingSetBytes)})",
            "no target");
        section.Row(
            $"{n} cached: retained bytes per object vs compact JSON",
            $"{Figures.Bytes(perObject)} per object = {Figures.Ratio(ratio)} its JSON ({Figures.Bytes(result.JsonBytes)})",
            "target ≤ 1.0× (managedFields stripped); client-go 1.9× (2.84 KB per 1.5 KB-JSON ConfigMap)",
            ratio <= 1.0);
        section.Row(
            $"{n} cached: of which the object, compacted as cached",
            $"{Figures.Bytes(result.CompactedObjectBytes)} = {Figures.Ratio(result.CompactedObjectBytes / result.JsonBytes)} its JSON; cache, keys and indexes: {Figures.Bytes(perObject - result.CompactedObjectBytes)} per object",
            "information (where the bytes go)");
        section.Row(
            $"{n} cached: the same object as decoded (no compaction)",
            $"{Figures.Bytes(result.BareObjectBytes)} = {Figures.Ratio(result.BareObjectBytes / result.JsonBytes)} its JSON",
            "information: what compaction saves (`SharedInformerOptions.CompactObjects`)");
        if (!result.WarmUpCollected)
        {
            section.Note($"**{n}: the warm-up informer's cache was still reachable 30 s after it stopped; the baseline includes it, so retained figures are too low.**");
        }

        if (result.Cached != size)
        {
            section.Note($"**The informer cached {result.Cached:N0} objects, not {size:N0}.**");
        }

        if (latency)
        {
            var lost = result.LatencySent - result.LatencyReceived;
            section.Row(
                $"watch event → handler latency at {Figures.Rate(settings.EventsPerSecond, "events")} (achieved {Figures.Rate(result.AchievedPerSecond, "events")}, {Figures.Count(result.LatencySent)} events, {n} cached)",
                result.DescribeLatency() + (lost > 0 ? $" ({Figures.Count(lost)} events not seen within 60 s)" : ""),
                "target p99 ≤ 5 ms end to end over HTTP",
                result.P99Nanoseconds <= 5_000_000 && lost == 0);
            if (result.RoundTripNanoseconds is [var p50, var p90, var p99, var max])
            {
                section.Row(
                    "of which: the patch's round trip (request, server write, response), as the sender saw it",
                    Measuring.Percentiles.Describe(p50, p90, p99, max),
                    "information (where the tail comes from)");
                section.Row("the probe's garbage collections while the patches were sent", result.CollectionsDuringLatency ?? "", "information (where the tail comes from)");
            }
        }

        return result;
    }
}
