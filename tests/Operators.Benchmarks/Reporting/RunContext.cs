using System.Globalization;

namespace Operators.Benchmarks.Reporting;

/// <summary>What every section of one run states: when, where, how it was started, and under what load.</summary>
internal sealed class RunContext
{
    private RunContext(BenchMode mode, string command, string? note)
    {
        Mode = mode;
        Command = command;
        Note = note;
        StartedAt = TimeProvider.System.GetUtcNow();
        LoadAtStart = MachineInfo.LoadAverage();
        Machine = MachineInfo.Current();
    }

    public BenchMode Mode { get; }

    public string Command { get; }

    public string? Note { get; }

    public DateTimeOffset StartedAt { get; }

    public string LoadAtStart { get; }

    public MachineInfo Machine { get; }

    /// <summary>
    /// Captures the run. The command is this program's command line, prefixed by the
    /// <c>BENCH_COMMAND</c> environment variable (set by <c>bench/run</c> to the make command); the note comes
    /// from <c>--note</c> or <c>BENCH_NOTE</c>.
    /// </summary>
    public static RunContext Capture(BenchMode mode, string? note)
    {
        var self = "dotnet " + string.Join(' ', Environment.GetCommandLineArgs().Select((arg, i) => Quote(i == 0 ? Relative(arg) : arg)));
        var outer = Environment.GetEnvironmentVariable("BENCH_COMMAND");
        var command = string.IsNullOrWhiteSpace(outer) ? $"`{self}`" : $"`{outer}` (step: `{self}`)";
        note ??= Environment.GetEnvironmentVariable("BENCH_NOTE");
        return new RunContext(mode, command, string.IsNullOrWhiteSpace(note) ? null : note);
    }

    /// <summary>The header lines of a section, as a Markdown list.</summary>
    public IEnumerable<string> HeaderLines()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"- Date: {StartedAt:yyyy-MM-dd HH:mm} UTC · mode: {Mode.ToString().ToLowerInvariant()}");
        yield return $"- Machine: {Machine.Describe()}";
        yield return $"- Load average (1/5/15 min) at start: {LoadAtStart}; at end: {MachineInfo.LoadAverage()}";
        yield return $"- Command: {Command}";
        if (Note is not null)
        {
            yield return $"- **Note: {Note}**";
        }
    }

    private static string Relative(string path) =>
        Path.IsPathFullyQualified(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path) : path;

    private static string Quote(string arg) =>
        arg.Length == 0 || arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
}
