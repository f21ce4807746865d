using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.Benchmarks.Cluster;
using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.Informer;

/// <summary>
/// The cost of one watch event on the client side, without a server or a network: a real
/// <see cref="KubeApiClient"/> whose HTTP handler answers the list and then a watch stream from memory
/// (read 4 KiB at a time, as from a socket), a factory informer over N cached NovaAgents, and a handler
/// counting updates. Per MODIFIED event: time and bytes allocated (all threads) for decode → cache →
/// handler, with and without compaction (same run), next to the decode alone.
/// </summary>
internal static class WatchPathBenchmark
{
    public const string Command = "informer-events";
    private const int Cached = 2_000;
    private const int Rounds = 4;
    private const string Namespace = "bench";

    public static async Task<ReportSection> RunAsync(int events, CancellationToken cancellationToken)
    {
        var section = new ReportSection("informer-events", "Informer watch path per event (issue 9, Make it fast)");
        var list = Encoding.UTF8.GetBytes(
            "{\"kind\":\"NovaAgentList\",\"apiVersion\":\"" + ApiGroup.ApiVersion + "\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":["
            + string.Join(",", Enumerable.Range(0, Cached).Select(i => Json(i, 2))) + "]}");
        var watch = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, events).Select(e => "{\"type\":\"MODIFIED\",\"object\":" + Json(e % Cached, 10 + e) + "}\n")));
        foreach (var compact in new[] { true, false })
        {
            var (nanoseconds, bytes) = await MeasureAsync(list, watch, events, compact, cancellationToken);
            section.Row(
                $"MODIFIED event → cache → handler, {Figures.Count(Cached)} cached, compaction {(compact ? "on (default)" : "off")}",
                $"{Figures.Duration(nanoseconds)}, {Figures.Bytes(bytes)} allocated per event",
                "no target: less is better");
        }

        var one = Encoding.UTF8.GetBytes(Json(1, 5));
        var (decodeNanoseconds, decodeBytes) = Measure(10_000, () => JsonSerializer.Deserialize(one, OpenStackJsonContext.Default.V1Alpha1NovaAgent));
        section.Row("the decode alone (`JsonSerializer.Deserialize` of the object)", $"{Figures.Duration(decodeNanoseconds)}, {Figures.Bytes(decodeBytes)} allocated", "floor of the rows above");
        section.Note($"In-process, no server: a `KubeApiClient` over an HTTP handler that answers from memory, a `SharedInformerFactory` informer (no resync) over {Figures.Count(Cached)} NovaAgents, "
            + $"then {Figures.Count(events)} MODIFIED events of ≈1.7 KB each, read 4 KiB at a time. Per event: wall time from opening the stream until the handler saw the last event, "
            + $"and `GC.GetTotalAllocatedBytes(true)` (every thread) over that span; best of {Rounds} rounds.");
        return section;
    }

    private static async Task<(double Nanoseconds, double Bytes)> MeasureAsync(byte[] list, byte[] watch, int events, bool compact, CancellationToken cancellationToken)
    {
        var best = (Nanoseconds: double.MaxValue, Bytes: double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            var server = new MemoryServer(list, watch);
            using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = "http://memory" }, server);
            var api = new KubeApiClient(kubernetes, new KubeApiClientOptions { Qps = 1_000, Burst = 1_000 }, OpenStackJsonContext.Default);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var factory = new SharedInformerFactory(api, new SharedInformerOptions { ResyncPeriod = TimeSpan.Zero, CompactObjects = compact });
            var informer = factory.GetInformer<V1Alpha1NovaAgent>(Namespace);
            var received = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = informer.AddEventHandler(new ResourceEventHandler<V1Alpha1NovaAgent>
            {
                Updated = (_, _, _) =>
                {
                    if (Interlocked.Increment(ref received) == events)
                    {
                        done.TrySetResult();
                    }
                },
            });
            factory.Start(stop.Token);
            await factory.WaitForCacheSyncAsync(cancellationToken);
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            server.OpenWatch();
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            var nanoseconds = Stopwatch.GetElapsedTime(started).Ticks * 100.0 / events;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)events;
            best = (Math.Min(best.Nanoseconds, nanoseconds), Math.Min(best.Bytes, bytes));
            await stop.CancelAsync();
        }

        return best;
    }

    private static (double Nanoseconds, double Bytes) Measure(int count, Action action)
    {
        for (var i = 0; i < count / 10; i++)
        {
            action();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            action();
        }

        return (Stopwatch.GetElapsedTime(started).Ticks * 100.0 / count, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count);
    }

    /// <summary>An agent as the server sends it: created, with status, at a resourceVersion.</summary>
    private static string Json(int index, int resourceVersion)
    {
        var agent = NovaAgentSamples.WithReadyStatus(NovaAgentSamples.Create(Namespace, index), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        agent.Metadata.Uid = new Guid(index, 0, 0, new byte[8]).ToString();
        agent.Metadata.ResourceVersion = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        agent.Metadata.Generation = 1;
        agent.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return NovaAgentSamples.CompactJson(agent);
    }

    /// <summary>Answers the list at once and the watch with <c>watch</c> once <see cref="OpenWatch"/> is called.</summary>
    private sealed class MemoryServer(byte[] list, byte[] watch) : DelegatingHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OpenWatch() => _open.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal))
            {
                await _open.Task.WaitAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new SocketLikeStream(watch)) };
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(list) };
        }
    }
}
