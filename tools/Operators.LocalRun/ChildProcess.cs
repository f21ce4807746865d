using System.ComponentModel;
using System.Diagnostics;

namespace Operators.LocalRun;

/// <summary>
/// A running child process whose output is read line by line: each line goes to a callback (the
/// terminal) and into a short history; callers can wait for a line or for the exit.
/// </summary>
internal sealed class ChildProcess
{
    private const int HistoryLines = 200;

    private readonly Process _process;
    private readonly Action<ChildProcess, string> _onLine;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Queue<string> _history = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private ChildProcess(ChildSpec spec, Process process, Action<ChildProcess, string> onLine, TimeProvider time)
    {
        Spec = spec;
        _process = process;
        _onLine = onLine;
        _time = time;
        Pid = process.Id;
        Exited = WaitForExitAsync();
    }

    /// <summary>Gets what was started.</summary>
    public ChildSpec Spec { get; }

    /// <summary>Gets the display name.</summary>
    public string Name => Spec.Name;

    /// <summary>Gets the process id.</summary>
    public int Pid { get; }

    /// <summary>Gets a task that completes with the exit code once the process has exited and its output is read.</summary>
    public Task<int> Exited { get; }

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => Exited.IsCompleted;

    /// <summary>Gets a copy of the last lines it wrote (stdout and stderr), oldest first.</summary>
    public IReadOnlyList<string> RecentLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Starts <paramref name="spec"/>.</summary>
    /// <param name="spec">What to start.</param>
    /// <param name="onLine">Called for each line of stdout and stderr, on a thread-pool thread.</param>
    /// <param name="setsid">The <c>setsid</c> program to start it in its own session, or null.</param>
    /// <param name="time">The clock for timeouts.</param>
    /// <returns>The running child.</returns>
    /// <exception cref="LaunchException">The program cannot be started.</exception>
    public static ChildProcess Start(ChildSpec spec, Action<ChildProcess, string> onLine, string? setsid, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onLine);
        var info = new ProcessStartInfo
        {
            FileName = setsid ?? spec.FileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (setsid is not null)
        {
            info.ArgumentList.Add(spec.FileName);
        }

        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        ChildProcess? child = null;
        var early = new List<string>();
        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (early)
            {
                if (child is null)
                {
                    early.Add(line);
                    return;
                }
            }

            child.OnLine(line);
        }

        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new LaunchException($"cannot start {spec.Name} ({spec.FileName}): {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (early)
        {
            child = new ChildProcess(spec, process, onLine, time);
        }

        foreach (var line in early)
        {
            child.OnLine(line);
        }

        return child;
    }

    /// <summary>Waits for the first line that <paramref name="match"/> accepts, among those still in the history and those to come.</summary>
    /// <param name="match">The test.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The line.</returns>
    /// <exception cref="LaunchException">The process exited first (its last line is the message), or the timeout passed.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_history.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((match, found));
        }

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var cancelled = Task.Delay(Timeout.Infinite, linked.Token);
        var first = await Task.WhenAny(found.Task, Exited, cancelled);
        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        if (first == found.Task)
        {
            return await found.Task;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw first == Exited ? ExitedEarly() : new LaunchException($"{Name} did not get ready within {timeout.TotalSeconds:0} s; its last lines are above");
    }

    /// <summary>An error saying the process ended, with its last error line as the reason.</summary>
    /// <returns>The error.</returns>
    public LaunchException ExitedEarly()
    {
        var lines = RecentLines;
        var reason = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? (lines.Count > 0 ? lines[^1] : "no output");
        var code = HasExited ? Exited.Result : -1;
        return new LaunchException($"{Name} exited (code {code}): {reason.Trim()}");
    }

    /// <summary>Sends SIGTERM.</summary>
    public void Terminate() => PosixSignals.Send(Pid, PosixSignals.Terminate);

    /// <summary>Kills the process (and anything it started) at once, as a crash would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Stops the process: SIGTERM, then SIGKILL when it is still running after <paramref name="grace"/>.</summary>
    /// <param name="grace">How long a graceful shutdown may take.</param>
    /// <returns>The exit code, and whether it had to be killed.</returns>
    public async Task<(int ExitCode, bool Killed)> StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            Terminate();
            if (await Task.WhenAny(Exited, Task.Delay(grace, _time)) != Exited)
            {
                Kill();
                return (await Exited, true);
            }
        }

        return (await Exited, false);
    }

    private void OnLine(string line)
    {
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _history.Enqueue(line);
            if (_history.Count > HistoryLines)
            {
                _history.Dequeue();
            }

            foreach (var (match, found) in _waiters)
            {
                if (match(line))
                {
                    matched.Add(found);
                }
            }
        }

        _onLine(this, line);
        foreach (var found in matched)
        {
            found.TrySetResult(line);
        }
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        var code = _process.ExitCode;
        _process.Dispose();
        return code;
    }
}
