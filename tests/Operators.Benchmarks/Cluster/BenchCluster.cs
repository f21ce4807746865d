using System.Diagnostics;
using k8s;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.CrdGenerator;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using LocalServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Benchmarks.Cluster;

/// <summary>
/// An in-process local API server with the NovaAgent CRD installed (from the C# types) and a client
/// that is not rate limited. The garbage collector and the Deployment simulator are off: the sample
/// agents have owners that do not exist, and nothing here has Deployments.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private static readonly TimeSpan ServedDeadline = TimeSpan.FromSeconds(30);

    private readonly List<Kubernetes> _kubernetes = [];

    private BenchCluster(LocalServer server)
    {
        Server = server;
        Api = CreateClient();
    }

    public LocalServer Server { get; }

    /// <summary>Gets the client of the measuring program (10⁶ requests/s allowed: never the limit).</summary>
    public KubeApiClient Api { get; }

    public IResourceClient<V1Alpha1NovaAgent> Agents => Api.For<V1Alpha1NovaAgent>();

    public static async Task<BenchCluster> StartAsync(CancellationToken cancellationToken)
    {
        var server = await LocalServer.StartAsync(
            new LocalApiServerOptions { GarbageCollector = false, DeploymentController = false },
            cancellationToken);
        var cluster = new BenchCluster(server);
        await cluster.InstallNovaAgentsAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Another client with its own connections (as another process would have).</summary>
    public KubeApiClient CreateClient()
    {
        var client = BenchClient.Create(Server.BaseAddress, out var kubernetes);
        _kubernetes.Add(kubernetes);
        return client;
    }

    public Task CreateNamespaceAsync(string name, CancellationToken cancellationToken) =>
        Api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken);

    /// <summary>
    /// Creates agents <paramref name="first"/> … <paramref name="first"/>+<paramref name="count"/>−1 with
    /// <paramref name="writers"/> concurrent requests; with <paramref name="withStatus"/> each then gets its
    /// ready status (a second write). Returns the elapsed time.
    /// </summary>
    public async Task<TimeSpan> CreateAgentsAsync(string namespaceName, int first, int count, int writers, bool withStatus, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(first, count),
            new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var created = await Agents.CreateAsync(NovaAgentSamples.Create(namespaceName, index), ct);
                if (withStatus)
                {
                    await Agents.UpdateStatusAsync(NovaAgentSamples.WithReadyStatus(created, TimeProvider.System.GetUtcNow().UtcDateTime), ct);
                }
            });
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var kubernetes in _kubernetes)
        {
            kubernetes.Dispose();
        }

        await Server.DisposeAsync();
    }

    private async Task InstallNovaAgentsAsync(CancellationToken cancellationToken)
    {
        await Api.For<V1CustomResourceDefinition>().CreateAsync(CustomResourceDefinitions.Generate(typeof(V1Alpha1NovaAgent)), cancellationToken);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Agents.ListAsync("default", new ListOptions { Limit = 1 }, cancellationToken);
                return;
            }
            catch (KubernetesApiException e) when (e.IsNotFound && watch.Elapsed < ServedDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }
}
