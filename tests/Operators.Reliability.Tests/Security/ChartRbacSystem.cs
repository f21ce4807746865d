using System.Text.Json.Nodes;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.Testing;
using Operators.WebhookReceiver;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// The sample system with RBAC enforced: the API server process runs with <c>--rbac</c>, an admin token (the test
/// driver's) and a token file with one token per chart ServiceAccount; each chart's ServiceAccount, Roles, ClusterRoles
/// and bindings are applied as rendered; each operator runs as a process with a kubeconfig carrying its
/// ServiceAccount's token; the webhook receiver runs in the test process.
/// </summary>
internal sealed class ChartRbacSystem : IAsyncDisposable
{
    public const string Namespace = "openstack";

    private readonly string _folder;
    private readonly LineRelay _relay;
    private readonly HttpClient _admin = new();

    private ChartRbacSystem(string folder, string adminToken, string tokenFile)
    {
        _folder = folder;
        _relay = new LineRelay(TextWriter.Null, Path.Combine(folder, "logs"));
        Supervisor = new ProcessSupervisor(_relay.Relay) { Grace = TimeSpan.FromSeconds(5) };
        Local = new LocalSystem(TestRepository.Layout, folder, Supervisor)
        {
            ApiServerToken = adminToken,
            ApiServerArguments = ["--rbac", "--token-file", tokenFile],
        };
    }

    public LocalSystem Local { get; }

    public ProcessSupervisor Supervisor { get; }

    public KubeApiClient Client { get; private set; } = null!;

    public NotificationReceiver Receiver { get; private set; } = null!;

    public IReadOnlyDictionary<OperatorProgram, ChartRbac> Charts { get; private set; } = null!;

    public Dictionary<OperatorProgram, ChildProcess> Operators { get; } = [];

    /// <summary>Renders the charts, starts everything under enforced RBAC and applies the samples.</summary>
    public static async Task<ChartRbacSystem> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rbac-").FullName;
        var charts = new Dictionary<OperatorProgram, ChartRbac>();
        foreach (var program in OperatorProgram.All)
        {
            charts[program] = await ChartRbac.RenderAsync(program.Chart, LocalSystem.OperatorNamespace);
        }

        // One token per ServiceAccount, in kube's token file format (token,user,uid); none of them is logged.
        var tokens = charts.ToDictionary(c => c.Key, _ => Guid.NewGuid().ToString("N"));
        var tokenFile = Path.Combine(folder, "tokens.csv");
        await File.WriteAllLinesAsync(tokenFile, charts.Select(c => $"{tokens[c.Key]},{c.Value.ServiceAccountUser},{c.Key.Name}"), cancellationToken);

        var system = new ChartRbacSystem(folder, Guid.NewGuid().ToString("N"), tokenFile) { Charts = charts };
        try
        {
            await system.StartPartsAsync(tokens, cancellationToken);
            return system;
        }
        catch
        {
            TestContext.Progress.WriteLine(system.Tail(40));
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>The requests the API server refused so far (<c>GET /_local/denials</c>).</summary>
    public async Task<(long Count, IReadOnlyList<JsonObject> Denials)> DenialsAsync()
    {
        var body = JsonNode.Parse(await _admin.GetStringAsync(new Uri(Local.Api.BaseAddress, "/_local/denials")))!;
        return ((long)body["count"]!, [.. body["denials"]!.AsArray().OfType<JsonObject>()]);
    }

    /// <summary>Applies an object as the admin (create, else merge patch).</summary>
    public Task ApplyAsync(JsonObject manifest) => Local.ApplyAsync([manifest], CancellationToken.None);

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

        Client?.Kubernetes.Dispose();
        _admin.Dispose();
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

    private async Task StartPartsAsync(Dictionary<OperatorProgram, string> tokens, CancellationToken cancellationToken)
    {
        await Local.StartApiServerAsync(port: 0, deploymentReadyDelay: TimeSpan.FromMilliseconds(200), cancellationToken);
        await Local.InstallCrdsAsync(cancellationToken);
        await Local.EnsureNamespaceAsync(LocalSystem.OperatorNamespace, cancellationToken);
        await Local.ApplyAsync(Charts.Values.SelectMany(c => c.Objects), cancellationToken);
        Client = Local.CreateClient();

        var samples = SampleManifests.Load(TestRepository.Layout.SamplesFile, SampleManifests.DefaultReceiver);
        Receiver = await NotificationReceiver.StartAsync(
            new NotificationReceiverOptions { Port = 0, SigningSecret = SampleManifests.SigningSecret(samples) }, cancellationToken);

        // The kubeconfig the API server wrote carries the admin token; each operator gets a copy with its ServiceAccount's.
        var adminKubeconfig = await File.ReadAllTextAsync(Local.Kubeconfig, cancellationToken);
        var started = await Task.WhenAll(OperatorProgram.All.Select(async program =>
        {
            var kubeconfig = Path.Combine(_folder, program.Name + ".kubeconfig");
            await File.WriteAllTextAsync(kubeconfig, adminKubeconfig.Replace("token: " + Local.ApiServerToken, "token: " + tokens[program], StringComparison.Ordinal), cancellationToken);
            return (program, await Local.StartOperatorReplicaAsync(program, 1, kubeconfig, null, cancellationToken));
        }));
        foreach (var (program, child) in started)
        {
            Operators[program] = child;
        }

        await Local.ApplyAsync(SampleManifests.Load(TestRepository.Layout.SamplesFile, Receiver.BaseAddress), cancellationToken);
    }
}
