using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Benchmarks.Cluster;
using Operators.LocalApiServer;
using Operators.LocalRun;
using Operators.Runtime.Client;
using LocalServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Benchmarks.Footprint;

/// <summary>
/// An in-process local API server with the three CRDs from the charts (as <c>make run</c> installs them),
/// the samples' namespace and a kubeconfig for the operator processes. The Deployment simulator and the
/// garbage collector are on, so the operators can converge BuildingBlocks as in a cluster.
/// </summary>
internal sealed class FootprintCluster : IAsyncDisposable
{
    public const string Namespace = "openstack";

    private static readonly TimeSpan ServedDeadline = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly Kubernetes _kubernetes;

    private FootprintCluster(LocalServer server, string folder)
    {
        Server = server;
        _folder = folder;
        Api = BenchClient.Create(server.BaseAddress, out _kubernetes);
    }

    public LocalServer Server { get; }

    public string Kubeconfig => Path.Combine(_folder, "kubeconfig");

    public KubeApiClient Api { get; }

    public static async Task<FootprintCluster> StartAsync(RepositoryLayout layout, CancellationToken cancellationToken)
    {
        var server = await LocalServer.StartAsync(new LocalApiServerOptions { DeploymentReadyDelay = TimeSpan.FromMilliseconds(100) }, cancellationToken);
        var cluster = new FootprintCluster(server, Directory.CreateTempSubdirectory("footprint-").FullName);
        server.WriteKubeconfig(cluster.Kubeconfig);
        using var api = new ApiHttpClient(server.BaseAddress);
        var applier = new ManifestApplier(api);
        var crds = CrdManifests.Load(layout);
        await applier.ApplyAllAsync(crds, cancellationToken);
        foreach (var crd in crds)
        {
            var spec = crd["spec"];
            await api.WaitForOkAsync(
                $"/apis/{spec?["group"]}/{spec?["versions"]?[0]?["name"]}/{spec?["names"]?["plural"]}", ServedDeadline, cancellationToken);
        }

        await applier.ApplyAsync(
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } },
            cancellationToken);
        return cluster;
    }

    /// <summary>Creates <paramref name="blocks"/> BuildingBlocks of <paramref name="hosts"/> hosts each with 8 concurrent writers.</summary>
    public Task CreateBlocksAsync(int blocks, int hosts, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, blocks),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (index, ct) => await Api.For<V1Alpha1BuildingBlock>().CreateAsync(Block(index, hosts), ct));

    /// <summary>How many blocks report every agent ready (<c>Ready=True</c>, status of their generation).</summary>
    public async Task<int> ConvergedBlocksAsync(int hosts, CancellationToken cancellationToken)
    {
        var blocks = await Api.For<V1Alpha1BuildingBlock>().ListAsync(Namespace, cancellationToken: cancellationToken);
        return blocks.Items.Count(b => b.Status is { } s && s.ObservedGeneration == b.Metadata.Generation && s.ReadyAgents == hosts
            && s.Conditions?.Any(c => c is { Type: BuildingBlockConditions.Ready, Status: "True" }) == true);
    }

    public async ValueTask DisposeAsync()
    {
        _kubernetes.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static V1Alpha1BuildingBlock Block(int index, int hosts)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"bb{index:D4}");
        return new V1Alpha1BuildingBlock
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = new Dictionary<string, string> { [WellKnownLabels.Zone] = "qa-de-1a" } },
            Spec = new BuildingBlockSpec
            {
                AvailabilityZone = "qa-de-1a",
                Hosts = [.. Enumerable.Range(1, hosts).Select(h => new BuildingBlockHost { Name = string.Create(CultureInfo.InvariantCulture, $"node{h:D3}-{name}") })],
                AgentTemplate = new AgentTemplate
                {
                    Image = "registry.example.com/openstack/nova-compute:2025.1",
                    ComputeDriver = "libvirt.LibvirtDriver",
                    CustomServiceConfig = "[DEFAULT]\nreserved_host_memory_mb = 4096\n",
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("512Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("2Gi") },
                    },
                },
            },
        };
    }
}
