using FluentAssertions;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class ProcessSupervisorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<string> _lines = [];

    [SetUp]
    public void ClearLines()
    {
        lock (_lines)
        {
            _lines.Clear();
        }
    }

    [Test]
    public async Task StopAll_OfAChildThatHandlesSigterm_StopsItGracefully()
    {
        await using var supervisor = Supervisor(TimeSpan.FromSeconds(10));
        var child = supervisor.Start(Shell("graceful", "trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.05; done"));
        await child.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);

        var killed = await supervisor.StopAllAsync();

        killed.Should().BeEmpty();
        (await child.Exited).Should().Be(0);
        Lines().Should().Contain("graceful: bye");
    }

    [Test]
    public async Task StopAll_OfAChildThatIgnoresSigterm_KillsItAfterTheGracePeriod()
    {
        await using var supervisor = Supervisor(TimeSpan.FromMilliseconds(300));
        var child = supervisor.Start(Shell("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.05; done"));
        await child.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);

        var killed = await supervisor.StopAllAsync();

        killed.Should().Equal("stubborn");
        child.HasExited.Should().BeTrue();
    }

    [Test]
    public async Task StopAll_StopsLowerWavesFirst()
    {
        await using var supervisor = Supervisor(TimeSpan.FromSeconds(10));
        var last = supervisor.Start(Shell("api", "trap 'echo api-stopped; exit 0' TERM; echo ready; while true; do sleep 0.05; done") with { StopWave = 1 });
        var first = supervisor.Start(Shell("operator", "trap 'sleep 0.3; echo operator-stopped; exit 0' TERM; echo ready; while true; do sleep 0.05; done"));
        await last.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);
        await first.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);

        await supervisor.StopAllAsync();

        Lines().Where(l => l.EndsWith("-stopped", StringComparison.Ordinal)).Should().Equal("operator: operator-stopped", "api: api-stopped");
    }

    [Test]
    public async Task WaitForLine_WhenTheChildExitsFirst_FailsWithItsLastErrorLine()
    {
        await using var supervisor = Supervisor(TimeSpan.FromSeconds(1));
        var child = supervisor.Start(Shell("api", "echo starting; echo 'error: port 6443 on 127.0.0.1 is already in use' >&2; exit 1"));

        var wait = () => child.WaitForLineAsync(l => l.Contains("listening", StringComparison.Ordinal), Timeout, CancellationToken.None);

        await wait.Should().ThrowAsync<LaunchException>().WithMessage("api exited (code 1): error: port 6443 on 127.0.0.1 is already in use");
    }

    [Test]
    public async Task Kill_EndsTheChildAtOnce()
    {
        await using var supervisor = Supervisor(TimeSpan.FromSeconds(10));
        var child = supervisor.Start(Shell("victim", "trap '' TERM; echo ready; while true; do sleep 0.05; done"));
        await child.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);

        child.Kill();

        (await child.Exited.WaitAsync(Timeout)).Should().NotBe(0);
    }

    [Test]
    public async Task StopLeftovers_StopsProcessesAnEarlierRunRecordedAndDeletesTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("pids-").FullName;
        var pidFile = Path.Combine(folder, "pids");
        try
        {
            // An "earlier run" that never stopped its child: a supervisor that is not disposed.
            var earlier = new ProcessSupervisor((_, _) => { }, pidFile);
            var orphan = earlier.Start(Shell("orphan", "echo ready; while true; do sleep 0.05; done"));
            await orphan.WaitForLineAsync(l => l == "ready", Timeout, CancellationToken.None);

            var stopped = await ProcessSupervisor.StopLeftoversAsync(pidFile, TimeProvider.System);

            stopped.Should().Equal($"orphan (pid {orphan.Pid})");
            await orphan.Exited.WaitAsync(Timeout);
            File.Exists(pidFile).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task StopLeftovers_IgnoresPidsThatAreNowOtherPrograms()
    {
        var folder = Directory.CreateTempSubdirectory("pids-").FullName;
        var pidFile = Path.Combine(folder, "pids");
        try
        {
            await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\tapi\t/nowhere/Operators.LocalApiServer.dll\n");

            var stopped = await ProcessSupervisor.StopLeftoversAsync(pidFile, TimeProvider.System);

            stopped.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ChildSpec Shell(string name, string script) => new(name, "/bin/sh", ["-c", script]);

    private ProcessSupervisor Supervisor(TimeSpan grace) =>
        new((child, line) => { lock (_lines) { _lines.Add($"{child.Name}: {line}"); } }) { Grace = grace };

    private List<string> Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}
