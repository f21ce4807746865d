using Operators.LocalRun;
using Operators.WebhookReceiver;

namespace Operators.Soak;

/// <summary>
/// The sample system as <c>make run</c> builds it, from the launcher's pieces: the API server process, the
/// CRDs from the charts, the three operators as processes (leader election on), the samples; the webhook
/// receiver runs in this process and records what it gets. The children's logs go to
/// <c>&lt;run dir&gt;/logs/</c>. Disposing stops everything.
/// </summary>
internal sealed class SoakSystem : IAsyncDisposable
{
    /// <summary>The namespace of the samples.</summary>
    public const string Namespace = "openstack";

    private readonly LineRelay _relay;

    private SoakSystem(RepositoryLayout layout, string runDirectory)
    {
        _relay = new LineRelay(TextWriter.Null, Path.Combine(runDirectory, "logs"));
        Supervisor = new ProcessSupervisor(_relay.Relay, Path.Combine(runDirectory, "pids")) { Grace = TimeSpan.FromSeconds(10) };
        Local = new LocalSystem(layout, runDirectory, Supervisor);
    }

    /// <summary>Gets the launcher's system (API client, operator endpoints).</summary>
    public LocalSystem Local { get; }

    /// <summary>Gets the supervisor of the child processes.</summary>
    public ProcessSupervisor Supervisor { get; }

    /// <summary>Gets the in-process webhook receiver.</summary>
    public NotificationReceiver Receiver { get; private set; } = null!;

    /// <summary>Gets the API server process.</summary>
    public ChildProcess ApiServer { get; private set; } = null!;

    /// <summary>Gets the operator processes.</summary>
    public IReadOnlyDictionary<OperatorProgram, ChildProcess> Operators { get; private set; } = new Dictionary<OperatorProgram, ChildProcess>();

    /// <summary>Gets the processes whose memory is sampled: the API server and the operators.</summary>
    public IReadOnlyList<ChildProcess> Sampled => [ApiServer, .. OperatorProgram.All.Select(p => Operators[p])];

    /// <summary>Starts everything and applies the samples.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="runDirectory">The run folder (kubeconfig, logs, pid file).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running system.</returns>
    /// <exception cref="LaunchException">A part did not start.</exception>
    public static async Task<SoakSystem> StartAsync(RepositoryLayout layout, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.RequireBuilt();
        Directory.CreateDirectory(runDirectory);
        await ProcessSupervisor.StopLeftoversAsync(Path.Combine(runDirectory, "pids"), TimeProvider.System);
        var system = new SoakSystem(layout, runDirectory);
        try
        {
            await system.StartPartsAsync(layout, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Local.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        _relay.Dispose();
    }

    private async Task StartPartsAsync(RepositoryLayout layout, CancellationToken cancellationToken)
    {
        ApiServer = await Local.StartApiServerAsync(port: 0, deploymentReadyDelay: TimeSpan.FromMilliseconds(300), cancellationToken);
        await Local.InstallCrdsAsync(cancellationToken);
        await Local.EnsureNamespaceAsync(LocalSystem.OperatorNamespace, cancellationToken);
        var samples = SampleManifests.Load(layout.SamplesFile, SampleManifests.DefaultReceiver);
        Receiver = await NotificationReceiver.StartAsync(
            new NotificationReceiverOptions { Port = 0, SigningSecret = SampleManifests.SigningSecret(samples) }, cancellationToken);
        var operators = await Task.WhenAll(OperatorProgram.All.Select(async p => (Program: p, Child: await Local.StartOperatorAsync(p, cancellationToken))));
        Operators = operators.ToDictionary(o => o.Program, o => o.Child);
        await Local.ApplyAsync(SampleManifests.Load(layout.SamplesFile, Receiver.BaseAddress), cancellationToken);
    }
}
