using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Operators.Benchmarks.Measuring;
using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Queue;

/// <summary>Runs the work queue benchmarks with BenchmarkDotNet and turns the summary into a report section.</summary>
internal static class QueueBenchmarkRunner
{
    private static readonly Type[] Benchmarks =
    [
        typeof(WorkQueueBenchmarks),
        typeof(DelayingQueueBenchmarks),
        typeof(RateLimitingQueueBenchmarks),
        typeof(PriorityQueueBenchmarks),
        typeof(ThroughputBenchmarks),
    ];

    /// <summary>
    /// Runs the benchmarks. <paramref name="benchmarkDotNetArgs"/> go to BenchmarkDotNet (<c>--filter</c>, …)
    /// except <c>--job NAME</c> (dry, short, medium, long, default; without it quick mode uses short and full
    /// mode default) and <c>--out-of-process</c>: by default benchmarks run in this process (BenchmarkDotNet's
    /// in-process emit toolchain), which spares the build of a generated project (minutes on a busy
    /// 2-core machine). Without <c>--filter</c> everything runs.
    /// </summary>
    public static ReportSection Run(RunContext context, IReadOnlyList<string> benchmarkDotNetArgs, string? artifactsPath)
    {
        var args = benchmarkDotNetArgs.ToList();
        var job = context.Mode == BenchMode.Quick ? Job.ShortRun : Job.Default;
        var jobAt = args.FindIndex(a => a is "--job" or "-j");
        if (jobAt >= 0 && jobAt + 1 < args.Count)
        {
            job = JobNamed(args[jobAt + 1]);
            args.RemoveRange(jobAt, 2);
        }

        if (!args.Remove("--out-of-process"))
        {
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
        }

        if (!args.Any(a => a is "--filter" or "-f"))
        {
            args.AddRange(["--filter", "*"]);
        }

        var config = ManualConfig.Create(DefaultConfig.Instance).WithOptions(ConfigOptions.JoinSummary).AddJob(job);
        if (artifactsPath is not null)
        {
            config.WithArtifactsPath(artifactsPath);
        }

        var summaries = BenchmarkSwitcher.FromTypes(Benchmarks).Run([.. args], config).ToList();
        return ToSection(summaries, benchmarkDotNetArgs);
    }

    private static Job JobNamed(string name) => name.ToLowerInvariant() switch
    {
        "dry" => Job.Dry,
        "short" => Job.ShortRun,
        "medium" => Job.MediumRun,
        "long" => Job.LongRun,
        "default" => Job.Default,
        _ => throw new ArgumentException($"Unknown job '{name}': dry, short, medium, long or default."),
    };

    private static ReportSection ToSection(List<Summary> summaries, IReadOnlyList<string> args)
    {
        var section = new ReportSection("queue", "Work queue (issue 9, part 1)");
        var jobs = new SortedSet<string>(StringComparer.Ordinal);
        var reports = summaries.SelectMany(s => s.Reports)
            .OrderBy(r => Array.IndexOf(Benchmarks, r.BenchmarkCase.Descriptor.Type))
            .ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.MetadataToken);
        foreach (var report in reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod;
            var goal = method.GetCustomAttribute<GoalAttribute>() ?? new GoalAttribute(method.Name);
            var name = $"{goal.Measurement} (`{method.DeclaringType?.Name}.{method.Name}`)";
            jobs.Add(report.BenchmarkCase.Job.ResolvedId);
            if (!report.Success || report.ResultStatistics is null)
            {
                section.Row(name, "failed", Target(goal), Verdict.NotMet);
                continue;
            }

            var nanoseconds = report.ResultStatistics.Median;
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            var bytesText = bytes is { } b ? Figures.Bytes(b) + " allocated" : "allocations not measured";
            var measured = double.IsNaN(goal.MinPerSecond)
                ? $"{Figures.Duration(nanoseconds)}, {bytesText}"
                : $"{Figures.Rate(1e9 / nanoseconds, "adds")} ({Figures.Duration(nanoseconds)} per add), {bytesText}";
            section.Row(name, measured, Target(goal), Judge(goal, nanoseconds, bytes));
        }

        section.Note("Medians of BenchmarkDotNet (job: " + string.Join(", ", jobs) + (args.Count > 0 ? ", arguments: `" + string.Join(' ', args) + "`" : "")
            + "), with the memory diagnoser; time and bytes are per operation. In-process toolchain unless the job says otherwise.");
        section.Note("Queues run without metrics unless the row says \"with Prometheus metrics\" (a named queue recording prometheus-net metrics, as controllers run it).");
        section.Note("Delayed and rate-limited rows run on a fake clock (`FakeTimeProvider`): one operation is a key's whole trip (delayed add, clock step, get, done), so no timer waits are measured.");
        section.Note("Only bytes are measured: 0 B proves 0 allocations; a target of \"≤ 1 allocation\" with more bytes is left unjudged by the numbers.");
        return section;
    }

    private static string Target(GoalAttribute goal)
    {
        var parts = new List<string>();
        if (!double.IsNaN(goal.MaxNanoseconds))
        {
            parts.Add("≤ " + Figures.Duration(goal.MaxNanoseconds));
        }

        if (!double.IsNaN(goal.MinPerSecond))
        {
            parts.Add("≥ " + Figures.Rate(goal.MinPerSecond, "adds"));
        }

        if (goal.MaxBytes >= 0)
        {
            parts.Add(goal.MaxBytes == 0 ? "0 B" : "≤ " + Figures.Bytes(goal.MaxBytes));
        }

        if (goal.MaxAllocations >= 0)
        {
            parts.Add($"≤ {goal.MaxAllocations} allocation" + (goal.MaxAllocations == 1 ? "" : "s"));
        }

        var target = parts.Count == 0 ? "" : "target " + string.Join(" and ", parts);
        return string.Join("; ", new[] { target, goal.Reference }.Where(p => p.Length > 0));
    }

    private static Verdict Judge(GoalAttribute goal, double nanoseconds, long? bytes)
    {
        var checks = new List<bool?>();
        if (!double.IsNaN(goal.MaxNanoseconds))
        {
            checks.Add(nanoseconds <= goal.MaxNanoseconds);
        }

        if (!double.IsNaN(goal.MinPerSecond))
        {
            checks.Add(1e9 / nanoseconds >= goal.MinPerSecond);
        }

        if (goal.MaxBytes >= 0)
        {
            checks.Add(bytes is { } b ? b <= goal.MaxBytes : null);
        }

        if (goal.MaxAllocations >= 0)
        {
            checks.Add(bytes == 0 ? true : goal.MaxAllocations == 0 && bytes > 0 ? false : null);
        }

        if (checks.Count == 0 || checks.Any(c => c is null) && !checks.Any(c => c == false))
        {
            return Verdict.None;
        }

        return checks.All(c => c == true) ? Verdict.Met : Verdict.NotMet;
    }
}
