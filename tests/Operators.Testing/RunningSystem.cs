using System.Collections.Concurrent;
using k8s;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.WebhookReceiver;

namespace Operators.Testing;

/// <summary>
/// The system as <c>make run</c> builds it, from the launcher's own pieces: one API server process, the
/// CRDs from the charts, the three operators as separate processes with leader election on, and the
/// samples; the webhook receiver runs in the test process and records what it gets. Logs go to
/// files; <see cref="Tail"/> shows their ends when a test fails.
/// </summary>
internal sealed class RunningSystem : IAsyncDisposable
{
    public const string Namespace = "openstack";

    private readonly string _folder;
    private readonly LineRelay _relay;
    private Kubernetes? _kubernetes;

    private RunningSystem(string folder)
    {
        _folder = folder;
        _relay = new LineRelay(TextWriter.Null, Path.Combine(folder, "logs"));
        Supervisor = new ProcessSupervisor(_relay.Relay) { Grace = TimeSpan.FromSeconds(10) };
        Local = new LocalSystem(TestRepository.Layout, folder, Supervisor);
        Kubectl = new Kubectl(Local.Kubeconfig, Path.Combine(folder, "kubectl-cache"));
    }

    public LocalSystem Local { get; }

    public ProcessSupervisor Supervisor { get; }

    public NotificationReceiver Receiver { get; private set; } = null!;

    public KubeApiClient Client { get; private set; } = null!;

    public Kubectl Kubectl { get; }

    public ConcurrentDictionary<OperatorProgram, ChildProcess> Operators { get; } = new();

    /// <summary>Starts everything and applies the samples.</summary>
    public static async Task<RunningSystem> StartAsync(CancellationToken cancellationToken)
    {
        var system = new RunningSystem(Directory.CreateTempSubdirectory("e2e-").FullName);
        try
        {
            await system.StartPartsAsync(cancellationToken);
            return system;
        }
        catch
        {
            TestContext.Progress.WriteLine(system.Tail(40));
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (or starts again) one operator process.</summary>
    public async Task<ChildProcess> StartOperatorAsync(OperatorProgram program, CancellationToken cancellationToken)
    {
        var child = await Local.StartOperatorAsync(program, cancellationToken);
        Operators[program] = child;
        return child;
    }

    /// <summary>The last lines of every process's log.</summary>
    public string Tail(int lines) =>
        string.Join(Environment.NewLine, Supervisor.Children.Select(c =>
            $"--- {c.Name} (pid {c.Pid}{(c.HasExited ? ", exited" : string.Empty)}) ---{Environment.NewLine}{string.Join(Environment.NewLine, c.RecentLines.TakeLast(lines))}"));

    public async ValueTask DisposeAsync()
    {
        await Local.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        _kubernetes?.Dispose();
        _relay.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log still being written; the temp folder is cleaned by the OS.
        }
    }

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        await Local.StartApiServerAsync(port: 0, deploymentReadyDelay: TimeSpan.FromMilliseconds(200), cancellationToken);
        await Local.InstallCrdsAsync(cancellationToken);
        await Local.EnsureNamespaceAsync(LocalSystem.OperatorNamespace, cancellationToken);
        Client = Local.CreateClient();
        _kubernetes = Client.Kubernetes;

        var samples = SampleManifests.Load(TestRepository.Layout.SamplesFile, SampleManifests.DefaultReceiver);
        Receiver = await NotificationReceiver.StartAsync(
            new NotificationReceiverOptions { Port = 0, SigningSecret = SampleManifests.SigningSecret(samples) }, cancellationToken);
        await Task.WhenAll(OperatorProgram.All.Select(p => StartOperatorAsync(p, cancellationToken)));
        await Local.ApplyAsync(SampleManifests.Load(TestRepository.Layout.SamplesFile, Receiver.BaseAddress), cancellationToken);
    }
}
