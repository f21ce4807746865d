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
    private readonly RunningSystemOptions _options;
    private readonly ConcurrentDictionary<(OperatorProgram, int), OperatorReplica> _replicas = new();
    private Kubernetes? _kubernetes;

    private RunningSystem(string folder, RunningSystemOptions options)
    {
        _folder = folder;
        _options = options;
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

    /// <summary>Gets the latest process of replica 1 of each operator.</summary>
    public ConcurrentDictionary<OperatorProgram, ChildProcess> Operators { get; } = new();

    /// <summary>Gets the latest process of every replica of every operator.</summary>
    public IReadOnlyList<OperatorReplica> Replicas => [.. _replicas.Values.OrderBy(r => r.Program.Name, StringComparer.Ordinal).ThenBy(r => r.Number)];

    /// <summary>Gets the relay between the notifiers and the receiver, when <see cref="RunningSystemOptions.RelayReceiver"/>.</summary>
    public TcpRelay? ReceiverRelay { get; private set; }

    /// <summary>Gets the address the notifiers' webhooks point at (the relay's when there is one).</summary>
    public Uri WebhookAddress => ReceiverRelay is { } relay ? new Uri($"http://127.0.0.1:{relay.Port}/") : Receiver.BaseAddress;

    /// <summary>Starts everything and applies the samples.</summary>
    public static Task<RunningSystem> StartAsync(CancellationToken cancellationToken) => StartAsync(RunningSystemOptions.Default, cancellationToken);

    /// <summary>Starts everything as <paramref name="options"/> say and applies the samples.</summary>
    public static async Task<RunningSystem> StartAsync(RunningSystemOptions options, CancellationToken cancellationToken)
    {
        var system = new RunningSystem(Directory.CreateTempSubdirectory("e2e-").FullName, options);
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

    /// <summary>Starts (or starts again) one operator process: replica 1.</summary>
    public async Task<ChildProcess> StartOperatorAsync(OperatorProgram program, CancellationToken cancellationToken) =>
        (await StartReplicaAsync(program, 1, cancellationToken)).Process;

    /// <summary>Starts (or starts again) one replica of an operator, with the system's flags and its own relay when operators are relayed.</summary>
    public async Task<OperatorReplica> StartReplicaAsync(OperatorProgram program, int number, CancellationToken cancellationToken)
    {
        var relay = _replicas.TryGetValue((program, number), out var earlier) ? earlier.Relay : null;
        string? kubeconfig = null;
        if (_options.RelayOperators)
        {
            relay ??= TcpRelay.Start(Local.Api.BaseAddress.Port);
            kubeconfig = Path.Combine(_folder, $"kubeconfig-{program.Name}-{number}");
            var text = await File.ReadAllTextAsync(Local.Kubeconfig, cancellationToken);
            await File.WriteAllTextAsync(kubeconfig, text.Replace($":{Local.Api.BaseAddress.Port}", $":{relay.Port}", StringComparison.Ordinal), cancellationToken);
        }

        var extra = _options.OperatorArguments.Count > 0 ? _options.OperatorArguments : null;
        var child = await Local.StartOperatorReplicaAsync(program, number, kubeconfig, extra, cancellationToken);
        var line = await child.WaitForLineAsync(l => l.Contains(OperatorReplica.AcquiringLine, StringComparison.Ordinal), TimeSpan.FromSeconds(30), cancellationToken);
        var replica = new OperatorReplica(program, number, child, relay, OperatorReplica.IdentityIn(line));
        _replicas[(program, number)] = replica;
        if (number == 1)
        {
            Operators[program] = child;
        }

        return replica;
    }

    /// <summary>The last lines of every process's log.</summary>
    public string Tail(int lines) =>
        string.Join(Environment.NewLine, Supervisor.Children.Select(c =>
            $"--- {c.Name} (pid {c.Pid}{(c.HasExited ? ", exited" : string.Empty)}) ---{Environment.NewLine}{string.Join(Environment.NewLine, c.RecentLines.TakeLast(lines))}"));

    public async ValueTask DisposeAsync()
    {
        await Local.DisposeAsync();
        foreach (var relay in _replicas.Values.Select(r => r.Relay).OfType<TcpRelay>().Distinct())
        {
            await relay.DisposeAsync();
        }

        if (ReceiverRelay is not null)
        {
            await ReceiverRelay.DisposeAsync();
        }

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
        if (_options.RelayReceiver)
        {
            ReceiverRelay = TcpRelay.Start(Receiver.BaseAddress.Port);
        }

        // Replica 1 of each operator first, so that it is the first leader; further replicas stand by.
        await Task.WhenAll(OperatorProgram.All.Select(p => StartReplicaAsync(p, 1, cancellationToken)));
        for (var number = 2; number <= _options.Replicas; number++)
        {
            var n = number;
            await Task.WhenAll(OperatorProgram.All.Select(p => StartReplicaAsync(p, n, cancellationToken)));
        }

        await Local.ApplyAsync(SampleManifests.Load(TestRepository.Layout.SamplesFile, WebhookAddress), cancellationToken);
    }
}
