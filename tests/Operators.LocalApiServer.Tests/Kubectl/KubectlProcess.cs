using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>
/// A running kubectl child process whose stdout is read line by line as it arrives (for
/// <c>get -w</c> and <c>wait</c>), and which is killed when disposed if it is still running.
/// </summary>
internal sealed class KubectlProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stdout = new();
    private readonly Task _stdoutPump;
    private readonly Task<string> _stderr;

    private KubectlProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        _process.StandardInput.Close();
        _stdoutPump = PumpStdoutAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>The command as it would be typed.</summary>
    public string CommandLine { get; }

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/>, stdin closed.</summary>
    public static KubectlProcess Start(string binary, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        return new KubectlProcess(process, binary + " " + string.Join(' ', arguments));
    }

    /// <summary>Reads stdout until a line matches; fails when the deadline passes or kubectl exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no matching line within {deadline.TotalSeconds}s from: {CommandLine}\n--- stdout so far ---\n{StdOutSoFar()}");
        }

        var ended = await WaitForExitAsync(deadline);
        throw new InvalidOperationException($"kubectl ended without a matching line:\n{ended}");
    }

    /// <summary>Waits for kubectl to exit; kills it and fails when the deadline passes first.</summary>
    public async Task<KubectlResult> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"kubectl did not exit within {deadline.TotalSeconds}s: {CommandLine}\n--- stdout so far ---\n{StdOutSoFar()}");
        }

        await _stdoutPump;
        return new KubectlResult(CommandLine, _process.ExitCode, StdOutSoFar(), await _stderr);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        await _stdoutPump;
        await _stderr;
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private string StdOutSoFar()
    {
        lock (_stdout)
        {
            return _stdout.ToString();
        }
    }

    private async Task PumpStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_stdout)
            {
                _stdout.Append(line).Append('\n');
            }

            _lines.Writer.TryWrite(line);
        }

        _lines.Writer.TryComplete();
    }
}
