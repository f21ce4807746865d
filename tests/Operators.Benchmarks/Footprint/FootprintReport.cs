using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;
using Operators.LocalRun;

namespace Operators.Benchmarks.Footprint;

/// <summary>The footprint section: per operator, AOT next to JIT, the AOT figures against issue 9's targets.</summary>
internal static class FootprintReport
{
    /// <summary>Issue 9's idle RSS target for AOT, 25 MB, read strictly as 25 × 10⁶ bytes (23.8 MiB).</summary>
    private const long ResidentTarget = 25_000_000;

    private static readonly TimeSpan StartTarget = TimeSpan.FromMilliseconds(300);

    public static ReportSection Build(FootprintSettings settings, IReadOnlyList<FootprintResult> results, TimeSpan? convergence, IReadOnlyList<PublishedOperator> convergers)
    {
        var section = new ReportSection("footprint", "Footprint: NativeAOT and JIT (issue 9, part 4)");
        var agents = Figures.Count(settings.Agents);
        var blocks = Figures.Count(settings.Blocks);
        foreach (var program in settings.Operators)
        {
            var aot = results.Single(r => r.Published.Program == program && r.Published.Flavour == Flavour.Aot);
            var jit = results.Single(r => r.Published.Program == program && r.Published.Flavour == Flavour.Jit);
            var name = program.Name;
            section.Row(
                $"{name}: size",
                $"AOT {Figures.Bytes(aot.Published.SizeBytes)} (one executable) · JIT {Figures.Bytes(jit.Published.SizeBytes)} ({jit.Published.Files} files, plus the shared .NET runtime)",
                "reference: a minimal client-go controller, 26 MiB stripped static binary");
            section.Row(
                $"{name}: start → `/readyz` 200, empty cluster (median of {settings.Starts})",
                $"AOT {Starts(aot)} · JIT {Starts(jit)}",
                "target AOT ≤ 300 ms",
                aot.MedianStart is { } start ? (start <= StartTarget ? Verdict.Met : Verdict.NotMet) : Verdict.NotMet);
            section.Row(
                $"{name}: idle RSS, empty cluster",
                $"AOT {Resident(aot.EmptyResident, aot.EmptyIdle)} · JIT {Resident(jit.EmptyResident, jit.EmptyIdle)}",
                "target AOT ≤ 25 MB (23.8 MiB); a minimal client-go controller idles at 22 MB",
                aot.EmptyResident is { } rss ? (rss <= ResidentTarget ? Verdict.Met : Verdict.NotMet) : Verdict.NotMet);
            section.Row(
                $"{name}: idle RSS, {agents} agents cached ({Cached(program, agents, blocks)})",
                $"AOT {Resident(aot.CachedResident, aot.CachedIdle)} · JIT {Resident(jit.CachedResident, jit.CachedIdle)}; "
                    + $"start → ready AOT {Duration(aot.CachedReady)} · JIT {Duration(jit.CachedReady)}; API writes while starting on the converged cluster: {aot.CachedWrites} · {jit.CachedWrites}",
                "no target");
        }

        foreach (var failed in results.Where(r => r.Failure is not null))
        {
            section.Note($"**{failed.Published.Label}: {failed.Failure}**");
        }

        if (settings.Operators.Count < OperatorProgram.All.Count)
        {
            section.Note($"**Measured: {string.Join(", ", settings.Operators.Select(o => o.Name))} only.** Quick mode publishes and measures the nova-agent alone, "
                + "so that a fresh clone's quick run stays under 10 minutes (one NativeAOT publish takes ≈ 3 min, three ≈ 9); `BENCH_MODE=full` measures the three operators.");
        }

        section.Note("Each operator runs as its own process, as `make aot` published it (`artifacts/aot/<operator>/<project>`, or `dotnet artifacts/jit/<operator>/<project>.dll`), "
            + "one at a time, against an in-process local API server (CRDs from the charts, Deployment simulator on) with `--log-format text`, metrics and probes on loopback ports, "
            + "leader election off (the default), workstation GC (the default). The operating system's file cache is warm (the binaries ran before): a container's first start reads them from disk.");
        section.Note("Start → ready: from just before the process is started to the first 200 of `/readyz` (polled every 5 ms), i.e. runtime start, host, informers listed and synced; "
            + $"median of {settings.Starts} starts (min–max in parentheses). Size: AOT = the executable alone (its `.dbg` symbols file is not needed to run); JIT = the whole publish folder.");
        section.Note($"Idle RSS: `VmRSS` of `/proc/<pid>/status`, median of samples every 250 ms over {settings.Sampling.TotalSeconds:0} s, taken once the process used ≤ 10 ms of CPU in 1 s "
            + $"(after the last timed start for the empty cluster). \"(busy)\" marks a process that was still using CPU after {settings.IdleDeadline.TotalSeconds:0} s.");
        section.Note($"Cached cluster: {blocks} BuildingBlocks × {settings.HostsPerBlock} hosts converged by the {string.Join(" and ", convergers.Select(c => c.Label))} operators "
            + (convergence is { } c ? $"in {Figures.Duration(c)}" : "(**did not converge**)")
            + $" = {agents} NovaAgents, {agents} ConfigMaps, {agents} Deployments; then each operator starts on it with default flags and caches what it watches. "
            + (settings.Agents < 10_000 ? $"**{agents} agents, not issue 9's 10,000: quick mode caches 1,000, because converging 10,000 and syncing them six times does not fit the step's 3 minutes; `BENCH_MODE=full` uses 10,000.**" : ""));
        return section;
    }

    private static string Cached(OperatorProgram program, string agents, string blocks) =>
        program == OperatorProgram.BuildingBlock ? $"{blocks} blocks + {agents} agents"
        : program == OperatorProgram.NovaAgent ? $"{agents} agents + {agents} ConfigMaps + {agents} Deployments"
        : $"{blocks} blocks, no notifiers";

    private static string Starts(FootprintResult result) =>
        result.MedianStart is { } median
            ? $"{Duration(median)} ({Duration(result.EmptyStarts.Min())}–{Duration(result.EmptyStarts.Max())})"
            : "failed";

    private static string Resident(long? bytes, bool idle) =>
        bytes is { } b ? Figures.Bytes(b) + (idle ? "" : " (busy)") : "failed";

    private static string Duration(TimeSpan? duration) =>
        duration is { } d ? (d < TimeSpan.FromSeconds(1) ? Figures.Invariant($"{d.TotalMilliseconds:F0} ms") : Figures.Duration(d)) : "failed";
}
