using System.Globalization;
using System.Text;

namespace Operators.Soak;

/// <summary>Renders a <see cref="SoakResult"/> as Markdown.</summary>
internal static class ReportWriter
{
    /// <summary>The most rows of the memory table (samples are picked evenly, the last always).</summary>
    public const int MemoryRows = 13;

    /// <summary>Renders the report.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(SoakResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var text = new StringBuilder();
        Line(text, "# Soak report");
        Line(text);
        Line(text, $"- Result: **{(result.Passed ? "PASS" : "FAIL")}**");
        Line(text, $"- Seed {result.Seed}; {o.Duration.TotalMinutes:0.#} min of changes (mean every {o.ChangeInterval.TotalSeconds:0.#} s) and " +
            (o.Faults ? $"faults (mean pause {o.FaultInterval.TotalSeconds:0} s)" : "no faults") + $"; a sample every {o.SampleInterval.TotalSeconds:0} s");
        Line(text, $"- Memory slope: least squares over the samples after a warm-up of {o.EffectiveWarmup.TotalMinutes:0.#} min, and over each half of them (sustained: the smaller half, so a single step does not count as a leak); limit {o.MaxSlopeMiBPerHour:0.#} MiB/h on the sustained slope");
        Line(text);
        if (!result.Passed)
        {
            Line(text, "## Failures");
            Line(text);
            foreach (var failure in result.Failures)
            {
                Line(text, "- " + failure);
            }

            Line(text);
        }

        Activity(text, result);
        Memory(text, result);
        Invariants(text, result);
        return text.ToString();
    }

    private static void Activity(StringBuilder text, SoakResult result)
    {
        var first = result.Samples.Count > 0 ? result.Samples[0] : null;
        var last = result.Samples.Count > 0 ? result.Samples[^1] : null;
        Line(text, "## Activity");
        Line(text);
        Line(text, "| what | during the run |");
        Line(text, "| --- | ---: |");
        foreach (var name in last?.Reconciles.Keys ?? [])
        {
            Line(text, $"| reconciles of {name} | {Delta(first?.Reconciles.GetValueOrDefault(name), last?.Reconciles.GetValueOrDefault(name))} |");
        }

        Line(text, $"| API writes (all clients) | {Delta(first?.Writes, last?.Writes)} |");
        Line(text, $"| notification requests received | {Delta(first?.Notifications, last?.Notifications)} |");
        Line(text);
        Line(text, "| change | count |");
        Line(text, "| --- | ---: |");
        foreach (var (kind, count) in result.Changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Line(text, $"| {kind} | {count} |");
        }

        Line(text);
        if (result.Faults.Count > 0)
        {
            Line(text, "| fault | count | held (s) |");
            Line(text, "| --- | ---: | ---: |");
            foreach (var (kind, (count, held)) in result.Faults.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Line(text, $"| {kind} | {count} | {held.TotalSeconds:0} |");
            }

            Line(text);
        }
    }

    private static void Memory(StringBuilder text, SoakResult result)
    {
        var processes = result.Slopes.Select(s => s.Process).ToList();
        Line(text, "## Memory (RSS, MiB)");
        Line(text);
        Line(text, "| t (mm:ss) | " + string.Join(" | ", processes) + " |");
        Line(text, "| ---: |" + string.Concat(processes.Select(_ => " ---: |")));
        foreach (var sample in Pick(result.Samples, MemoryRows))
        {
            Line(text, $"| {(int)sample.Elapsed.TotalMinutes:00}:{sample.Elapsed.Seconds:00} | " +
                string.Join(" | ", processes.Select(p => sample.RssMiB.GetValueOrDefault(p) is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-")) + " |");
        }

        Line(text);
        Line(text, "| process | samples after warm-up | first | last | max | slope (MiB/h) | first half · second half (MiB/h) | sustained (MiB/h) | within limit |");
        Line(text, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var s in result.Slopes)
        {
            var ok = s.SustainedMiBPerHour is { } slope && slope <= result.Options.MaxSlopeMiBPerHour;
            Line(text, $"| {s.Process} | {s.Samples} | {Number(s.FirstMiB)} | {Number(s.LastMiB)} | {Number(s.MaxMiB)} | {Number(s.SlopeMiBPerHour)} | " +
                $"{Number(s.FirstHalfMiBPerHour)} · {Number(s.SecondHalfMiBPerHour)} | {Number(s.SustainedMiBPerHour)} | {(ok ? "yes" : "**no**")} |");
        }

        Line(text);
    }

    private static void Invariants(StringBuilder text, SoakResult result)
    {
        var n = result.Notifications;
        Line(text, "## Invariants at the end");
        Line(text);
        Line(text, result.ConvergedAfter is { } after
            ? $"- Converged {after.TotalSeconds:0} s after the heal: every block observed and Ready with one ready agent per host; one NovaAgent, ConfigMap and Deployment per host (no duplicates, no orphans); every notifier Ready."
            : $"- **Not converged** within {result.Options.ConvergenceTimeout.TotalSeconds:0} s: {string.Join("; ", result.ConvergenceProblems)}");
        Line(text, $"- Notifications: {n.Transitions} expected ({string.Join(", ", n.PerNotifier.Select(p => $"{p.Key} {p.Value}"))}): " +
            $"{n.Delivered} delivered, {n.Skipped} skipped while suspended; the receiver got {n.Requests} requests, {n.DistinctIds} distinct ids, {n.Resends} resends of an id (deduplicated).");
        Line(text, n.Violations.Count == 0
            ? "- Every transition was notified exactly once per notifier that follows the block (ids match the status and DESIGN.md's formula)."
            : $"- **{n.Violations.Count} notification violations** (see Failures).");
        Line(text, result.Deaths.Count == 0 ? "- No process died." : $"- **{result.Deaths.Count} processes died** (see Failures).");
    }

    private static IEnumerable<Sample> Pick(IReadOnlyList<Sample> samples, int rows)
    {
        if (samples.Count <= rows)
        {
            return samples;
        }

        return Enumerable.Range(0, rows).Select(i => samples[(int)Math.Round(i * (samples.Count - 1) / (double)(rows - 1))]);
    }

    private static string Delta(double? first, double? last) =>
        first is { } f && last is { } l ? (l - f).ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
