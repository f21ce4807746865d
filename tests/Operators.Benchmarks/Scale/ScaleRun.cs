using System.Diagnostics;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Benchmarks.Measuring;
using Operators.Runtime.Objects;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// One size of the scale benchmark: the operators converge N blocks on their own API server, optionally
/// followed by the steady state; then the write floor writes the same objects to a fresh API server.
/// </summary>
internal static class ScaleRun
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(10);

    /// <summary>Measures <paramref name="blocks"/> blocks; with <paramref name="steadyState"/> also the steady state after convergence.</summary>
    public static async Task<(SizeResult Size, SteadyStateResult? Steady)> RunAsync(
        ScaleSettings settings, int blocks, bool steadyState, string runDirectory, CancellationToken cancellationToken)
    {
        var hosts = settings.HostsPerBlock;
        ClusterSnapshot snapshot;
        SizeResult result;
        SteadyStateResult? steady = null;
        await using (var system = await ScaleSystem.StartAsync(Path.Combine(runDirectory, "operators"), cancellationToken))
        {
            Console.WriteLine($"scale {blocks}×{hosts}: starting the operators ({settings.Operators.ToString().ToUpperInvariant()})…");
            await system.StartOperatorsAsync(settings.OperatorFlags(), settings.Operators, cancellationToken);
            var api = system.CreateClient();
            var blockClient = api.For<V1Alpha1BuildingBlock>();
            await using var convergence = ConvergenceWatch.Start(blockClient, ScaleSystem.Namespace, blocks, hosts);
            await system.ResetCountersAsync(cancellationToken);

            Console.WriteLine($"scale {blocks}×{hosts}: creating {blocks:N0} BuildingBlocks with {settings.Writers} writers…");
            var cpuBefore = system.CpuTimes();
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, blocks),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Writers, CancellationToken = cancellationToken },
                async (i, ct) => await blockClient.CreateAsync(BlockSamples.Create(ScaleSystem.Namespace, i, hosts), ct));
            var converged = await WaitAsync(system, convergence, started, settings.ConvergenceDeadline, cancellationToken);
            var cpu = system.CpuTimes().ToDictionary(p => p.Key, p => p.Value - cpuBefore.GetValueOrDefault(p.Key), StringComparer.Ordinal);
            var requests = await system.CountersAsync(cancellationToken);
            var rss = system.OperatorRss();
            var convergedBlocks = convergence.Converged;
            Console.WriteLine(converged is { } t
                ? $"scale {blocks}×{hosts}: converged in {Figures.Duration(t)}; {requests.ObjectWrites:N0} object writes"
                : $"scale {blocks}×{hosts}: NOT converged after {Figures.Duration(settings.ConvergenceDeadline)} ({convergedBlocks:N0} blocks)");

            var (settled, afterSettling) = await SettleAsync(system, requests, settings.SettleDeadline, cancellationToken);
            var tail = Subtract(afterSettling, requests);
            var dropped = await system.DroppedEventsAsync(cancellationToken);
            Console.WriteLine(settled is { } s
                ? $"scale {blocks}×{hosts}: writes stopped {Figures.Duration(s)} after convergence ({tail.ObjectWrites + tail.EventWrites:N0} more writes)"
                : $"scale {blocks}×{hosts}: still writing {Figures.Duration(settings.SettleDeadline)} after convergence ({tail.ObjectWrites + tail.EventWrites:N0} more writes)");
            var agents = (await api.For<V1Alpha1NovaAgent>().ListAsync(ScaleSystem.Namespace, cancellationToken: cancellationToken)).Items;
            var readyAgents = agents.Count(a => Conditions.IsTrue(a.Status?.Conditions, NovaAgentConditions.Ready));
            if (steadyState && converged is not null)
            {
                steady = await SteadyStateAsync(system, blocks, settings.SteadyState, cancellationToken);
            }

            snapshot = await ClusterSnapshot.ReadAsync(api, ScaleSystem.Namespace, cancellationToken);
            result = new SizeResult(blocks, hosts, converged, convergedBlocks, readyAgents, requests, tail, settled, dropped, rss, cpu, null, null);
        }

        Console.WriteLine($"scale {blocks}×{hosts}: write floor on a fresh API server ({snapshot.Blocks.Count:N0} blocks, {snapshot.Agents:N0} agents)…");
        await using (var floorSystem = await ScaleSystem.StartAsync(Path.Combine(runDirectory, "floor"), cancellationToken))
        {
            var api = floorSystem.CreateClient();
            await floorSystem.ResetCountersAsync(cancellationToken);
            var floorCpuBefore = floorSystem.CpuTimes();
            var floor = await WriteFloor.WriteAsync(api, snapshot, settings.Writers, cancellationToken);
            var floorCpu = TimeSpan.FromTicks(floorSystem.CpuTimes().Sum(p => (p.Value - floorCpuBefore.GetValueOrDefault(p.Key)).Ticks));
            var floorRequests = await floorSystem.CountersAsync(cancellationToken);
            Console.WriteLine($"scale {blocks}×{hosts}: write floor {Figures.Duration(floor)}, {floorRequests.ObjectWrites:N0} writes");
            return (result with { Floor = floor, FloorRequests = floorRequests, FloorCpu = floorCpu }, steady);
        }
    }

    private static async Task<TimeSpan?> WaitAsync(ScaleSystem system, ConvergenceWatch convergence, long started, TimeSpan deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= deadline)
            {
                return null;
            }

            var wait = Progress < deadline - elapsed ? Progress : deadline - elapsed;
            if (await Task.WhenAny(convergence.AllConverged, Task.Delay(wait, cancellationToken)) == convergence.AllConverged)
            {
                return Stopwatch.GetElapsedTime(started, await convergence.AllConverged);
            }

            cancellationToken.ThrowIfCancellationRequested();
            system.ThrowIfOperatorExited();
            Console.WriteLine($"  {Figures.Duration(Stopwatch.GetElapsedTime(started))}: {convergence.Converged:N0} blocks converged");
        }
    }

    /// <summary>
    /// Polls the counters every second until no write but Lease renewals happened for <see cref="Quiet"/> (the
    /// Events of convergence trail it); returns when that was, counted from convergence, or null at the deadline.
    /// </summary>
    private static async Task<(TimeSpan? Settled, RequestTally Counts)> SettleAsync(ScaleSystem system, RequestTally atConvergence, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var last = atConvergence;
        var lastChange = started;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(lastChange, now) >= Quiet)
            {
                return (Stopwatch.GetElapsedTime(started, lastChange), last);
            }

            if (Stopwatch.GetElapsedTime(started, now) >= deadline)
            {
                return (null, last);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var counts = await system.CountersAsync(cancellationToken);
            if (counts.ObjectWrites + counts.EventWrites != last.ObjectWrites + last.EventWrites)
            {
                lastChange = Stopwatch.GetTimestamp();
            }

            last = counts;
        }
    }

    private static async Task<SteadyStateResult> SteadyStateAsync(ScaleSystem system, int blocks, TimeSpan duration, CancellationToken cancellationToken)
    {
        Console.WriteLine($"scale {blocks}: steady state for {Figures.Duration(duration)} (informers resync every 30 s)…");
        await system.ResetCountersAsync(cancellationToken);
        var reconcilesBefore = await system.ReconcilesAsync(cancellationToken);
        await Task.Delay(duration, cancellationToken);
        var requests = await system.CountersAsync(cancellationToken);
        var reconciles = (await system.ReconcilesAsync(cancellationToken)).ToDictionary(p => p.Key, p => p.Value - reconcilesBefore.GetValueOrDefault(p.Key), StringComparer.Ordinal);
        var writers = await system.WritersAsync(cancellationToken);
        system.ThrowIfOperatorExited();
        Console.WriteLine($"scale {blocks}: steady state: {requests.ObjectWrites + requests.EventWrites:N0} writes besides {requests.LeaseRequests:N0} Lease requests");
        return new SteadyStateResult(blocks, duration, requests, writers, reconciles);
    }

    private static RequestTally Subtract(RequestTally later, RequestTally earlier) =>
        new(later.Counts
            .Select(p => (p.Key, Value: p.Value - earlier.Counts.GetValueOrDefault(p.Key)))
            .Where(p => p.Value != 0)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
