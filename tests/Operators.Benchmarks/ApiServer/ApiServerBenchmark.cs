using System.Diagnostics;
using System.Globalization;
using Operators.Api.NovaAgents;
using Operators.Benchmarks.Cluster;
using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.ApiServer;

/// <summary>
/// Issue 9, part 5: the local API server's creates/s, updates/s and status updates/s through the real
/// client over HTTP with a few concurrent writers, managed memory per stored object, and watch
/// fan-out (100 watchers) in events delivered per second.
/// </summary>
internal static class ApiServerBenchmark
{
    private const string Namespace = "bench";
    private const string FanOutNamespace = "fanout";
    private const string WarmUpNamespace = "warm-up";
    private const int FanOutObjects = 100;
    private const int WarmUpObjects = 1_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static async Task<ReportSection> RunAsync(ApiServerSettings settings, CancellationToken cancellationToken)
    {
        var section = new ReportSection("apiserver", "Local API server (issue 9, part 5)");
        await using var cluster = await BenchCluster.StartAsync(cancellationToken);
        await cluster.CreateNamespaceAsync(Namespace, cancellationToken);
        await cluster.CreateNamespaceAsync(FanOutNamespace, cancellationToken);
        var agents = cluster.Agents;
        var n = settings.Objects;
        var writers = settings.Writers;
        var target = "no numeric target: the server must never be what limits an operator benchmark";

        Console.WriteLine($"apiserver: warming up with {WarmUpObjects:N0} creates, then creating {n:N0} NovaAgents with {writers} writers…");
        await cluster.CreateNamespaceAsync(WarmUpNamespace, cancellationToken);
        await cluster.CreateAgentsAsync(WarmUpNamespace, 0, WarmUpObjects, writers, withStatus: false, cancellationToken);
        var baseline = await ManagedHeap.SettledAsync(cancellationToken);
        var creating = await cluster.CreateAgentsAsync(Namespace, 0, n, writers, withStatus: false, cancellationToken);
        var stored = await ManagedHeap.SettledAsync(cancellationToken) - baseline;
        section.Row($"creates/s ({Figures.Count(n)} NovaAgents, {writers} writers)", Figures.Rate(n / creating.TotalSeconds, "creates"), target);

        var current = (await agents.ListAsync(Namespace, cancellationToken: cancellationToken)).Items.ToArray();
        var json = current.Take(200).Average(NovaAgentSamples.CompactJsonBytes);
        Console.WriteLine("apiserver: updating…");
        var updating = await ForEachSliceAsync(current, writers, async (agent, ct) =>
        {
            agent.Spec.Image = agent.Spec.Image.EndsWith("-r2", StringComparison.Ordinal) ? agent.Spec.Image[..^3] : agent.Spec.Image + "-r2";
            return await agents.UpdateAsync(agent, ct);
        }, cancellationToken);
        section.Row($"updates/s (PUT of the whole object, spec changed, {writers} writers)", Figures.Rate(n / updating.TotalSeconds, "updates"), target);

        var statusUpdating = await ForEachSliceAsync(current, writers, (agent, ct) =>
            agents.UpdateStatusAsync(NovaAgentSamples.WithReadyStatus(agent, TimeProvider.System.GetUtcNow().UtcDateTime), ct), cancellationToken);
        section.Row($"status updates/s (PUT of the status subresource, {writers} writers)", Figures.Rate(n / statusUpdating.TotalSeconds, "updates"), target);

        section.Row(
            $"managed memory per stored object ({Figures.Count(n)} stored)",
            $"{Figures.Bytes(stored / (double)n)} = {Figures.Ratio(stored / (double)n / json)} its compact JSON ({Figures.Bytes(json)})",
            "no target; includes the watch history's share (last 10,000 changes)");
        Array.Clear(current);

        await MeasureFanOutAsync(section, cluster, settings, target, cancellationToken);
        section.Note("One in-process local API server (default options, garbage collector and Deployment simulator off); writers use the real `KubeApiClient` "
            + "(NovaAgents via `OpenStackJsonContext`) over HTTP with no client-side rate limit, each writer on its own slice of objects.");
        section.Note($"Before the measured creates, {Figures.Count(WarmUpObjects)} agents are created in another namespace (compiled code, pooled buffers of Kestrel and the client in place). "
            + "Memory per stored object: `GC.GetTotalMemory(true)` (repeated until stable) after the creates minus before, divided by the objects; the server and the measuring client share the process, and the client keeps no objects then.");
        section.Note("Fan-out watchers are raw HTTP watch streams that count lines (no JSON decoding), so 100 clients' decoding does not compete with the server for the same cores.");
        return section;
    }

    private static async Task MeasureFanOutAsync(ReportSection section, BenchCluster cluster, ApiServerSettings settings, string target, CancellationToken cancellationToken)
    {
        await cluster.CreateAgentsAsync(FanOutNamespace, 0, FanOutObjects, settings.Writers, withStatus: false, cancellationToken);
        Console.WriteLine($"apiserver: fan-out to {settings.Watchers} watchers…");
        await using var fanOut = WatchFanOut.Open(cluster.Server.BaseAddress, FanOutNamespace, settings.Watchers);
        if (!await fanOut.WaitAsync(f => f.MinimumAdded, FanOutObjects, Deadline, cancellationToken))
        {
            section.Row("watch fan-out", "failed: the watches did not open", target, Verdict.NotMet);
            return;
        }

        var events = settings.FanOutEvents;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Writers).Select(_ => Task.Run(
            async () =>
            {
                while (Interlocked.Increment(ref next) is var k && k < events)
                {
                    var value = k.ToString(CultureInfo.InvariantCulture);
                    var patch = NovaAgentSamples.SentAtPatch(value);
                    await cluster.Agents.PatchAsync(NovaAgentSamples.NameOf(k % FanOutObjects), patch, FanOutNamespace, cancellationToken);
                }
            },
            cancellationToken)));
        var writing = watch.Elapsed;
        var delivered = await fanOut.WaitAsync(f => f.MinimumModified, events, Deadline, cancellationToken);
        var elapsed = watch.Elapsed;
        var total = fanOut.TotalModified;
        section.Row(
            $"watch fan-out: events delivered/s to {settings.Watchers} watchers ({Figures.Count(events)} patches × {settings.Watchers})",
            $"{Figures.Rate(total / elapsed.TotalSeconds, "events")} (all delivered {Figures.Duration(elapsed)} after the first patch)" + (delivered ? "" : $"; **only {Figures.Count(total)} of {Figures.Count((long)events * settings.Watchers)} delivered**"),
            target);
        section.Row(
            $"merge patches/s while {settings.Watchers} watchers are served ({settings.Writers} writers)",
            Figures.Rate(events / writing.TotalSeconds, "patches"),
            target);
    }

    /// <summary>Runs <paramref name="write"/> on every object, each writer on its own slice, keeping the returned objects; returns the elapsed time.</summary>
    private static async Task<TimeSpan> ForEachSliceAsync(
        V1Alpha1NovaAgent[] objects, int writers, Func<V1Alpha1NovaAgent, CancellationToken, Task<V1Alpha1NovaAgent>> write, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                for (var i = w; i < objects.Length; i += writers)
                {
                    objects[i] = await write(objects[i], cancellationToken);
                }
            },
            cancellationToken)));
        return watch.Elapsed;
    }
}
