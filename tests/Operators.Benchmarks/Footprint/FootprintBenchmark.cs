using System.Diagnostics;
using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;
using Operators.LocalRun;

namespace Operators.Benchmarks.Footprint;

/// <summary>
/// Issue 9, part 4: each operator as <c>make aot</c> published it, NativeAOT and JIT, as its own process
/// against an in-process local API server: binary size, start → <c>/readyz</c> 200 with an empty cluster
/// (median of several starts), idle RSS with the empty cluster, and idle RSS with a converged cluster of
/// BuildingBlocks × 10 hosts in its caches.
/// </summary>
internal static class FootprintBenchmark
{
    private static readonly TimeSpan EmptyReadyDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CachedReadyDeadline = TimeSpan.FromMinutes(5);

    /// <summary>How the operators converge the cached cluster: as fast as the server takes it.</summary>
    private static readonly string[] ConvergeArguments = ["--kube-api-qps", "5000", "--kube-api-burst", "5000", "--max-concurrent-reconciles", "4"];

    public static async Task<ReportSection> RunAsync(FootprintSettings settings, CancellationToken cancellationToken)
    {
        var layout = RepositoryLayout.Discover("Release");
        var dotnet = DotnetHost.Find();
        var results = new List<FootprintResult>();
        foreach (var program in settings.Operators)
        {
            foreach (var flavour in new[] { Flavour.Aot, Flavour.Jit })
            {
                var published = PublishedOperator.Find(layout.Root, program, flavour, dotnet)
                    ?? throw new InvalidOperationException($"artifacts/{flavour.ToString().ToLowerInvariant()}/{program.Name} is missing: run `make aot` first");
                results.Add(new FootprintResult(published));
            }
        }

        await using var cluster = await FootprintCluster.StartAsync(layout, cancellationToken);
        foreach (var result in results)
        {
            await MeasureEmptyAsync(result, cluster, settings, cancellationToken);
        }

        var convergence = await ConvergeAsync(cluster, settings, results, Convergers(layout, dotnet, results), cancellationToken);
        if (convergence is not null)
        {
            foreach (var result in results)
            {
                await MeasureCachedAsync(result, cluster, settings, cancellationToken);
            }
        }

        return FootprintReport.Build(settings, results, convergence, Convergers(layout, dotnet, results));
    }

    private static async Task MeasureEmptyAsync(FootprintResult result, FootprintCluster cluster, FootprintSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"footprint: {result.Published.Label}, empty cluster: {settings.Starts} starts…");
        try
        {
            for (var i = 0; i < settings.Starts; i++)
            {
                await using var run = OperatorRun.Start(result.Published, cluster.Kubeconfig, []);
                result.EmptyStarts.Add(await run.WaitReadyAsync(EmptyReadyDeadline, cancellationToken));
                if (i == settings.Starts - 1)
                {
                    result.EmptyIdle = await run.WaitIdleAsync(settings.IdleDeadline, cancellationToken);
                    result.EmptyResident = await run.IdleResidentBytesAsync(settings.Sampling, cancellationToken);
                }
            }
        }
        catch (InvalidOperationException e)
        {
            result.Failure = e.Message;
            Console.Error.WriteLine($"footprint: {result.Published.Label}: {e.Message}");
        }
    }

    /// <summary>
    /// The building-block and nova-agent operators that converge the cached cluster: the AOT ones when measured,
    /// else the Release build (quick mode publishes the nova-agent only).
    /// </summary>
    public static IReadOnlyList<PublishedOperator> Convergers(RepositoryLayout layout, string dotnet, IReadOnlyList<FootprintResult> results) =>
        new[] { OperatorProgram.BuildingBlock, OperatorProgram.NovaAgent }
            .Select(program => results.FirstOrDefault(r => r.Published.Program == program && r.Published.Flavour == Flavour.Aot)?.Published
                ?? PublishedOperator.FromBuild(layout, program, dotnet))
            .ToList();

    /// <summary>Creates the blocks and lets <paramref name="convergers"/> converge them; null (and a failure on every result) when they do not in time.</summary>
    private static async Task<TimeSpan?> ConvergeAsync(
        FootprintCluster cluster, FootprintSettings settings, List<FootprintResult> results, IReadOnlyList<PublishedOperator> convergers, CancellationToken cancellationToken)
    {
        Console.WriteLine($"footprint: creating {settings.Blocks:N0} BuildingBlocks × {settings.HostsPerBlock} hosts; the operators converge them…");
        var watch = Stopwatch.StartNew();
        await cluster.CreateBlocksAsync(settings.Blocks, settings.HostsPerBlock, cancellationToken);
        var runs = convergers.Select(published => OperatorRun.Start(published, cluster.Kubeconfig, ConvergeArguments)).ToList();
        try
        {
            var converged = 0;
            while (watch.Elapsed < settings.ConvergenceDeadline)
            {
                converged = await cluster.ConvergedBlocksAsync(settings.HostsPerBlock, cancellationToken);
                if (converged == settings.Blocks)
                {
                    Console.WriteLine($"footprint: converged in {Figures.Duration(watch.Elapsed)}");
                    return watch.Elapsed;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            foreach (var result in results)
            {
                result.Failure ??= $"the cluster did not converge within {settings.ConvergenceDeadline.TotalMinutes:0} min ({converged:N0} of {settings.Blocks:N0} blocks ready)";
            }

            return null;
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.DisposeAsync();
            }
        }
    }

    private static async Task MeasureCachedAsync(FootprintResult result, FootprintCluster cluster, FootprintSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"footprint: {result.Published.Label}, {settings.Agents:N0} agents cached…");
        var writes = cluster.Server.Requests.Writes;
        try
        {
            await using var run = OperatorRun.Start(result.Published, cluster.Kubeconfig, []);
            result.CachedReady = await run.WaitReadyAsync(CachedReadyDeadline, cancellationToken);
            result.CachedIdle = await run.WaitIdleAsync(settings.IdleDeadline, cancellationToken);
            result.CachedResident = await run.IdleResidentBytesAsync(settings.Sampling, cancellationToken);
            result.CachedWrites = cluster.Server.Requests.Writes - writes;
        }
        catch (InvalidOperationException e)
        {
            result.Failure ??= e.Message;
            Console.Error.WriteLine($"footprint: {result.Published.Label}: {e.Message}");
        }
    }
}
