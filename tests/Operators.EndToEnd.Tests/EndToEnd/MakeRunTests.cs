using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Operators.LocalRun;

using Operators.Testing;

namespace Operators.EndToEnd.Tests.EndToEnd;

/// <summary>The launcher of <c>make run</c> as a person uses it: start, see the system work, Ctrl-C, nothing left behind.</summary>
[NonParallelizable]
public class MakeRunTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly List<string> _output = [];
    private string _runDirectory = null!;

    private static string LauncherDll =>
        Path.Combine(TestRepository.Layout.Root, "tools", "Operators.LocalRun", "bin", TestRepository.Layout.Configuration, RepositoryLayout.TargetFramework, "Operators.LocalRun.dll");

    [SetUp]
    public void CreateRunDirectory()
    {
        _runDirectory = Directory.CreateTempSubdirectory("make-run-").FullName;
        lock (_output)
        {
            _output.Clear();
        }
    }

    [TearDown]
    public void RemoveRunDirectory()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, Output()));
        }

        Directory.Delete(_runDirectory, recursive: true);
    }

    [Test]
    public async Task Launcher_StartsEverythingShowsTheSummaryAndOnSigintStopsEveryProcess()
    {
        await using var supervisor = new ProcessSupervisor((_, line) => { lock (_output) { _output.Add(line); } }) { Grace = TimeSpan.FromSeconds(30) };
        var launcher = supervisor.Start(Launcher("--port", "0", "--receiver-port", "0", "--summary-seconds", "1"));

        await launcher.WaitForLineAsync(l => l.Contains("export KUBECONFIG=", StringComparison.Ordinal), Timeout, CancellationToken.None);
        await launcher.WaitForLineAsync(l => l.Contains("bb091  agents 4/4 ready  Ready", StringComparison.Ordinal), Timeout, CancellationToken.None);
        var children = (await File.ReadAllLinesAsync(Path.Combine(_runDirectory, "pids"))).Select(l => int.Parse(l.Split('\t')[0], CultureInfo.InvariantCulture)).ToList();
        children.Should().HaveCount(5, "the API server, the receiver and three operators");

        PosixSignals.Send(launcher.Pid, InterruptSignal());
        (await launcher.Exited.WaitAsync(Timeout)).Should().Be(0);

        Output().Should().Contain(l => l.Contains("every process stopped cleanly", StringComparison.Ordinal));
        Output().Should().Contain(l => l.StartsWith("[building-block] ", StringComparison.Ordinal) && l.Contains("Created NovaAgent", StringComparison.Ordinal));
        Output().Should().NotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), "no stack traces");
        children.Should().OnlyContain(pid => !Directory.Exists($"/proc/{pid}"), "no child outlives the launcher");
        File.Exists(Path.Combine(_runDirectory, "pids")).Should().BeFalse();
    }

    [Test]
    public async Task Launcher_WhenThePortIsTaken_FailsWithOneLineAndStartsNothing()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        await using var supervisor = new ProcessSupervisor((_, line) => { lock (_output) { _output.Add(line); } });

        var launcher = supervisor.Start(Launcher("--port", port));

        (await launcher.Exited.WaitAsync(Timeout)).Should().Be(1);
        Output().Should().Equal($"error: port {port} on 127.0.0.1 (the API server) is already in use: stop what uses it, or pick another: make run PORT=6444");
        File.Exists(Path.Combine(_runDirectory, "pids")).Should().BeFalse();
    }

    /// <summary>
    /// SIGINT, as Ctrl-C sends; but a process inherits an ignored SIGINT (e.g. when the test run was
    /// started as a background job), and then the launcher could not see it: SIGTERM takes the same path.
    /// </summary>
    private static int InterruptSignal()
    {
        const int SigInt = 2;
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ignored is null ? 0 : ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (SigInt - 1))) == 0 ? SigInt : PosixSignals.Terminate;
    }

    private ChildSpec Launcher(params string[] args) =>
        new("launcher", DotnetHost.Find(), [LauncherDll, "--run-dir", _runDirectory, "--configuration", TestRepository.Layout.Configuration, .. args])
        {
            WorkingDirectory = TestRepository.Layout.Root,
        };

    private List<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }
}
