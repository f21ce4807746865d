using System.Globalization;

namespace Operators.LocalRun;

/// <summary>
/// Starts child processes and makes sure none outlives it: <see cref="StopAllAsync"/> (also called by
/// <see cref="DisposeAsync"/>) stops them wave by wave with SIGTERM, then SIGKILL after a grace
/// period. Children run in their own session when <c>setsid</c> is available, so the terminal's Ctrl-C
/// reaches only the launcher, which then stops the operators before the API server. With a pid file,
/// children that an earlier, killed launcher left behind are stopped on the next start.
/// </summary>
internal sealed class ProcessSupervisor : IAsyncDisposable
{
    private readonly Action<ChildProcess, string> _onLine;
    private readonly string? _pidFile;
    private readonly TimeProvider _time;
    private readonly string? _setsid;
    private readonly Lock _gate = new();
    private readonly List<ChildProcess> _children = [];

    /// <summary>Initializes a new instance of the <see cref="ProcessSupervisor"/> class.</summary>
    /// <param name="onLine">Receives every output line of every child.</param>
    /// <param name="pidFile">Where to record the children's ids (for <see cref="StopLeftoversAsync"/>), or null.</param>
    /// <param name="time">The clock for grace periods.</param>
    public ProcessSupervisor(Action<ChildProcess, string> onLine, string? pidFile = null, TimeProvider? time = null)
    {
        _onLine = onLine;
        _pidFile = pidFile;
        _time = time ?? TimeProvider.System;
        _setsid = DotnetHost.FindSetsid();
    }

    /// <summary>Gets how long a child may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the children started so far (running or not), in start order.</summary>
    public IReadOnlyList<ChildProcess> Children
    {
        get
        {
            lock (_gate)
            {
                return [.. _children];
            }
        }
    }

    /// <summary>Starts a child and records it.</summary>
    /// <param name="spec">What to start.</param>
    /// <returns>The running child.</returns>
    public ChildProcess Start(ChildSpec spec)
    {
        var child = ChildProcess.Start(spec, _onLine, _setsid, _time);
        lock (_gate)
        {
            _children.Add(child);
            WritePidFile();
        }

        return child;
    }

    /// <summary>Stops every running child, lowest <see cref="ChildSpec.StopWave"/> first, each wave in parallel.</summary>
    /// <returns>The names of the children that had to be killed.</returns>
    public async Task<IReadOnlyList<string>> StopAllAsync()
    {
        var killed = new List<string>();
        foreach (var wave in Children.Where(c => !c.HasExited).GroupBy(c => c.Spec.StopWave).OrderBy(g => g.Key))
        {
            var results = await Task.WhenAll(wave.Select(async c => (c.Name, (await c.StopAsync(Grace)).Killed)));
            killed.AddRange(results.Where(r => r.Killed).Select(r => r.Name));
        }

        lock (_gate)
        {
            WritePidFile();
        }

        return killed;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAllAsync();

    /// <summary>
    /// Stops processes recorded in <paramref name="pidFile"/> by an earlier run that did not stop them
    /// (e.g. it was killed), when they are still the same programs (their command line holds the recorded dll).
    /// </summary>
    /// <param name="pidFile">The pid file.</param>
    /// <param name="time">The clock for the grace period.</param>
    /// <returns>The names of the processes stopped.</returns>
    public static async Task<IReadOnlyList<string>> StopLeftoversAsync(string pidFile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(pidFile))
        {
            return [];
        }

        var stopped = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(pidFile))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid, parts[2]))
            {
                continue;
            }

            PosixSignals.Send(pid, PosixSignals.Terminate);
            for (var i = 0; i < 50 && IsRunning(pid, parts[2]); i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time);
            }

            if (IsRunning(pid, parts[2]))
            {
                PosixSignals.Send(pid, PosixSignals.Kill);
            }

            stopped.Add($"{parts[1]} (pid {pid})");
        }

        File.Delete(pidFile);
        return stopped;
    }

    private static bool IsRunning(int pid, string marker)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void WritePidFile()
    {
        if (_pidFile is null)
        {
            return;
        }

        var running = _children.Where(c => !c.HasExited).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Pid}\t{c.Name}\t{c.Spec.Marker}")).ToList();
        if (running.Count == 0)
        {
            File.Delete(_pidFile);
        }
        else
        {
            File.WriteAllLines(_pidFile, running);
        }
    }
}
