using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Scale;

/// <summary>The rows and notes of the scale section: one group of rows per size, then the steady state.</summary>
internal static class ScaleReport
{
    private const double ConvergenceTarget = 1.5;
    private const double WritesTarget = 1.05;

    public static void AddSize(ReportSection section, SizeResult r)
    {
        var size = r.Size;
        if (r.Convergence is not { } convergence)
        {
            section.Row($"{size}: time to convergence", $"not converged after the deadline ({Figures.Count(r.ConvergedBlocks)} of {Figures.Count(r.Blocks)} blocks)", "≤ 1.5× the write floor", Verdict.NotMet);
        }
        else if (r.Floor is { } floor)
        {
            var ratio = convergence / floor;
            section.Row(
                $"{size}: time to convergence (first create → every block Ready=True)",
                $"{Figures.Duration(convergence)}; write floor {Figures.Duration(floor)}: {Figures.Ratio(ratio)} the floor",
                "≤ 1.5× the write floor (same run)",
                ratio <= ConvergenceTarget);
        }

        var writes = r.Requests.ObjectWrites;
        var extra = (writes / (double)r.MinimumWrites) - 1;
        section.Row(
            $"{size}: object writes during convergence ({Figures.Count(r.Objects)} objects)",
            Figures.Invariant($"{writes:N0} = {writes / (double)r.Objects:F2} per object; minimum {r.MinimumWrites:N0} = {r.MinimumWrites / (double)r.Objects:F2} per object: {extra:+0.0%;-0.0%} ")
                + Figures.Invariant($"(against the minimum with one progress status per agent and per block, {r.ProgressMinimumWrites:N0}: {(writes / (double)r.ProgressMinimumWrites) - 1:+0.0%;-0.0%})"),
            "≤ minimum + 5%",
            writes <= r.MinimumWrites * WritesTarget);
        var agents = (long)r.Blocks * r.HostsPerBlock;
        var dropped = r.DroppedEvents.Values.Sum();
        section.Row(
            $"{size}: Event writes; Lease requests (apart from object writes)",
            Figures.Invariant($"{r.Requests.EventWrites:N0} Event writes until convergence, {r.Requests.EventWrites + r.Tail.EventWrites:N0} in all ({(r.Requests.EventWrites + r.Tail.EventWrites) / (double)agents:F2} per agent); ")
                + (dropped == 0 ? "none dropped; " : $"**{Figures.Count(dropped)} Events dropped** (recorder queue full: {string.Join(", ", r.DroppedEvents.Where(p => p.Value > 0).Select(p => $"{p.Key} {Figures.Count(p.Value)}"))}); ")
                + Figures.Invariant($"{r.Requests.LeaseRequests:N0} Lease requests"),
            "reported apart, no target");
        var tailWrites = r.Tail.ObjectWrites + r.Tail.EventWrites;
        section.Row(
            $"{size}: writes after convergence (trailing Events)",
            r.Settled is { } settled
                ? Figures.Invariant($"{tailWrites:N0} more writes; the last {Figures.Duration(settled)} after convergence")
                : Figures.Invariant($"{tailWrites:N0} more writes; still writing when the wait ended"),
            "reported, no target");
        section.Row(
            $"{size}: API requests during convergence",
            Figures.Invariant($"{r.Requests.Total:N0} ({r.Requests.Reads:N0} reads, {writes:N0} object writes, {r.Requests.EventWrites:N0} Event writes, {r.Requests.LeaseRequests:N0} Lease)"),
            "reported, no target");
        section.Row(
            $"{size}: agents Ready=True after convergence",
            $"{Figures.Count(r.ReadyAgents)} of {Figures.Count(agents)}",
            "all",
            r.ReadyAgents == agents);
        if (r.Convergence is { } elapsed)
        {
            var used = r.Cpu.Values.Sum(t => t.TotalSeconds);
            var available = elapsed.TotalSeconds * Environment.ProcessorCount;
            section.Row(
                $"{size}: CPU used from the first create to convergence",
                string.Join(", ", r.Cpu.OrderByDescending(p => p.Value).Select(p => Figures.Invariant($"{p.Key} {p.Value.TotalSeconds:F1} s")))
                    + Figures.Invariant($"; in all {used:F1} s of the {available:F1} s that {Environment.ProcessorCount} cores give in {elapsed.TotalSeconds:F1} s ({used / available:P0})")
                    + (r.FloorCpu is { } floorCpu ? Figures.Invariant($"; the write floor used {floorCpu.TotalSeconds:F1} s") : ""),
                "reported, no target: near 100% means the cores, not the design, set the pace");
        }

        section.Row(
            $"{size}: operator RSS at convergence",
            string.Join(", ", r.Rss.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {Figures.Bytes(p.Value)}")),
            "reported, no target");
    }

    public static void AddSteadyState(ReportSection section, SteadyStateResult? steady, SizeResult? largest, ScaleSettings settings)
    {
        if (steady is null)
        {
            section.Row("steady state", "not measured (the largest size did not converge)", "zero writes", Verdict.NotMet);
            return;
        }

        var leases = steady.Requests;
        section.Row(
            $"steady state after {Figures.Count(steady.Blocks)}×{settings.HostsPerBlock}: writes in {Figures.Duration(steady.Duration)} (resync every {settings.SyncPeriod})",
            Figures.Invariant($"{steady.Writes:N0} writes ({steady.Requests.Reads:N0} reads) in {steady.Reconciles.Values.Sum():N0} reconciles; Lease renewals excluded: {leases.LeaseRequests:N0} Lease requests ({leases.DescribeLeases()})")
                + (largest is { Settled: null } ? "; **the trailing writes of convergence had not stopped when it began**" : ""),
            "zero writes",
            steady.Writes == 0);
    }

    public static void AddNotes(ReportSection section, ScaleSettings settings, IReadOnlyList<SizeResult> results, SteadyStateResult? steady)
    {
        section.Note("Processes as `make run` starts them (LocalRun's `LocalSystem`): the local API server program (Deployment simulator ready after its default 500 ms, garbage collector on), "
            + "the CRDs from `charts/*/templates/crd.yaml`, the three operators ("
            + (settings.Operators == Footprint.Flavour.Aot
                ? "**NativeAOT** executables as `make aot` published them (`artifacts/aot/`)"
                : "**JIT**: Release builds under `dotnet <dll>`, so their CPU includes compiling their code as it first runs; `make aot` first makes `bench/run` use the NativeAOT executables")
            + ", leader election on) with the flags of `make run` plus `"
            + string.Join(' ', settings.OperatorFlags()) + "`. A fresh API server and fresh operators for every size.");
        section.Note($"The benchmark creates the blocks ({settings.HostsPerBlock} uniquely named libvirt hosts each, shaped like `samples/openstack.yaml`) with {settings.Writers} concurrent writers "
            + "and follows them with one watch; converged = every block's status of its generation with `readyAgents = desiredAgents` and `Ready=True` (`AllAgentsReady`), then the agents' own `Ready` is checked with one list.");
        section.Note("Requests come from the server's `/_local/counters`, reset just before the first create and read at convergence; they include the benchmark's own creates of the blocks and its watch. "
            + "The Deployment simulator's status writes happen inside the server and are not HTTP requests: they are not counted.");
        section.Note("Minimum object writes per block of H hosts: 1 + 3H creates (block, agents, ConfigMaps, Deployments), H agent status writes (once Ready) and 1 block status write (once every agent is Ready). "
            + "The operators also report progress (an agent `Progressing` while its Deployment rolls out, a block `AgentsNotReady` with its count), so the row also compares with that minimum: one more status write per agent and per block.");
        section.Note($"The write floor replays exactly the objects the operators produced (read back after convergence, server fields removed, owner uids rewritten) and the final statuses — the minimum writes — "
            + $"against a fresh API server process with {settings.Writers} concurrent writers (each block in order: block, then per agent: agent, ConfigMap, Deployment, agent status; then block status), no Events. "
            + "It does not wait for the simulated rollout (500 ms), which the operators' convergence includes.");
        foreach (var r in results)
        {
            section.Note($"{r.Size} object writes: {r.Requests.DescribeObjectWrites()}. Events: {Describe(r.Requests, "events")}. After convergence: {r.Tail.DescribeWrites()}."
                + (r.FloorRequests is { } floor ? $" Write floor: {floor.DescribeObjectWrites()}." : ""));
        }

        if (steady is not null)
        {
            section.Note($"Steady state: counters reset once no write but Lease renewals came for 3 s after convergence (at most {Figures.Duration(settings.SettleDeadline)}), then read after {Figures.Duration(steady.Duration)}; "
                + "Lease requests (leader election: each operator renews its Lease every retry period) are expected and excluded from the zero-writes figure. "
                + $"Writes: {steady.Requests.DescribeWrites()}; reads: {steady.Requests.DescribeReads()}. "
                + "Reconciles meanwhile (`controller_runtime_reconcile_total`; the resyncs): " + string.Join(", ", steady.Reconciles.Select(p => $"{p.Key} {Figures.Count(p.Value)}")) + "."
                + (steady.Writers.Count == 0 ? "" : " Writers besides Leases, by User-Agent: " + string.Join("; ", steady.Writers.Select(w => $"{w.Key}: {string.Join(", ", w.Value)}")) + "."));
        }
    }

    private static string Describe(RequestTally tally, string resource) =>
        string.Join(", ", tally.Counts.Where(p => p.Key.EndsWith(" " + resource, StringComparison.Ordinal)).Select(p => $"{p.Key} {Figures.Count(p.Value)}")) is { Length: > 0 } text ? text : "none";
}
