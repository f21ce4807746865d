using k8s;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.CrdGenerator;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;
using Prometheus;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>
/// One in-process API server per fixture with the BuildingBlock and NovaAgent CRDs (generated from the
/// API types) installed; each test gets its own namespace and its own running operator. The test plays
/// the nova-agent operator by writing NovaAgent status itself.
/// </summary>
public abstract class OperatorTestBase
{
    private readonly List<Kubernetes> _clients = [];
    private string _kubeconfig = null!;

    protected ApiServer Server { get; private set; } = null!;

    protected KubeApiClient Api { get; private set; } = null!;

    protected IResourceClient<V1Alpha1BuildingBlock> Blocks => Api.For<V1Alpha1BuildingBlock>();

    protected IResourceClient<V1Alpha1NovaAgent> Agents => Api.For<V1Alpha1NovaAgent>();

    /// <summary>The test's namespace.</summary>
    protected string Ns { get; private set; } = null!;

    /// <summary>The operator started for the test.</summary>
    protected OperatorProcess Operator { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Server = await ApiServer.StartAsync(new LocalApiServerOptions());
        _kubeconfig = Path.Combine(Path.GetTempPath(), $"bb-kubeconfig-{Guid.NewGuid():N}");
        Server.WriteKubeconfig(_kubeconfig);
        Api = CreateClient();
        await InstallCrdsAsync(Api, BuildingBlockCrd(), CustomResourceDefinitions.Generate(typeof(V1Alpha1NovaAgent)));
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        File.Delete(_kubeconfig);
        await Server.DisposeAsync();
    }

    [SetUp]
    public async Task StartOperatorAsync()
    {
        Ns = $"bb-{Guid.NewGuid():N}"[..16];
        await Api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        Server.Faults.Clear();
        Operator = await StartAnotherOperatorAsync();
    }

    [TearDown]
    public async Task StopOperatorAsync() => await Operator.DisposeAsync();

    /// <summary>The BuildingBlock CRD the fixture's server serves: the one generated from the API types.</summary>
    protected virtual V1CustomResourceDefinition BuildingBlockCrd() => CustomResourceDefinitions.Generate(typeof(V1Alpha1BuildingBlock));

    /// <summary>Installs CRDs and waits until their resources are served.</summary>
    protected static async Task InstallCrdsAsync(KubeApiClient api, params V1CustomResourceDefinition[] crds)
    {
        foreach (var crd in crds)
        {
            await api.For<V1CustomResourceDefinition>().CreateAsync(crd);
        }

        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await api.For<V1Alpha1BuildingBlock>().ListAsync("default");
                await api.For<V1Alpha1NovaAgent>().ListAsync("default");
                return true;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return false;
            }
        }, "the custom resources are served");
    }

    /// <summary>A client that knows the custom resources' JSON, with its own metrics registry.</summary>
    protected KubeApiClient CreateClient()
    {
        var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
        _clients.Add(kubernetes);
        return new KubeApiClient(kubernetes, new KubeApiClientOptions { Qps = 10_000, Burst = 10_000 }, OpenStackJsonContext.Default,
            metrics: new RestClientMetrics(Metrics.NewCustomRegistry()));
    }

    /// <summary>Starts (another) operator process on the test's namespace, with extra <paramref name="flags"/>.</summary>
    protected Task<OperatorProcess> StartAnotherOperatorAsync(TimeSpan? resync = null, IReadOnlyList<string>? flags = null) =>
        OperatorProcess.StartAsync(_kubeconfig, Ns, resync, flags);

    /// <summary>Replaces the test's operator (the previous one must be stopped).</summary>
    protected async Task RestartOperatorAsync(TimeSpan? resync = null, IReadOnlyList<string>? flags = null)
    {
        await Operator.DisposeAsync();
        Operator = await StartAnotherOperatorAsync(resync, flags);
    }

    /// <summary>Creates a block in the test's namespace.</summary>
    protected async Task<V1Alpha1BuildingBlock> CreateBlockAsync(V1Alpha1BuildingBlock block)
    {
        block.Metadata.NamespaceProperty = Ns;
        return await Blocks.CreateAsync(block);
    }

    protected Task<V1Alpha1BuildingBlock> GetBlockAsync(string name = "bb091") => Blocks.GetAsync(name, Ns);

    protected async Task<List<V1Alpha1NovaAgent>> ListAgentsAsync() =>
        [.. (await Agents.ListAsync(Ns)).Items.OrderBy(a => a.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>Waits until the block's status satisfies <paramref name="condition"/> and returns the block.</summary>
    protected Task<V1Alpha1BuildingBlock> WaitForBlockAsync(Func<V1Alpha1BuildingBlock, bool> condition, string what, string name = "bb091") =>
        Eventually.ReturnsAsync(() => GetBlockAsync(name), condition, what);

    /// <summary>Waits until the block's condition of <paramref name="type"/> has <paramref name="reason"/> and returns the block.</summary>
    protected Task<V1Alpha1BuildingBlock> WaitForReasonAsync(string type, string reason, string name = "bb091") =>
        WaitForBlockAsync(b => Conditions.Find(b.Status?.Conditions, type)?.Reason == reason, $"{name} has {type} reason {reason}", name);

    /// <summary>Waits until the namespace has exactly these agents and returns them, sorted by name.</summary>
    protected Task<List<V1Alpha1NovaAgent>> WaitForAgentsAsync(params string[] names) =>
        Eventually.ReturnsAsync(ListAgentsAsync, agents => agents.Select(a => a.Metadata.Name).SequenceEqual(names), $"the agents are {string.Join(", ", names)}");

    /// <summary>Plays the nova-agent operator: sets an agent's Ready and InService conditions (retrying on conflicts).</summary>
    protected async Task SetAgentStatusAsync(string name, bool ready, bool inService)
    {
        for (var attempt = 0; ; attempt++)
        {
            var agent = await Agents.GetAsync(name, Ns);
            var now = DateTime.UtcNow;
            agent.Status = new NovaAgentStatus
            {
                ObservedGeneration = agent.Metadata.Generation,
                Conditions =
                [
                    Condition(NovaAgentConditions.Ready, ready, ready ? NovaAgentConditions.Available : inService ? NovaAgentConditions.Progressing : NovaAgentConditions.OutOfService, now, agent),
                    Condition(NovaAgentConditions.InService, inService, inService ? NovaAgentConditions.Enabled : NovaAgentConditions.Maintenance, now, agent),
                ],
            };
            try
            {
                await Agents.UpdateStatusAsync(agent);
                return;
            }
            catch (KubernetesConflictException) when (attempt < 10)
            {
                // The block's operator patched the agent meanwhile: read it again.
            }
        }
    }

    /// <summary>The Events of the test's namespace about the block, by reason.</summary>
    protected async Task<List<Eventsv1Event>> BlockEventsAsync(string reason, string name = "bb091") =>
        [.. (await Api.For<Eventsv1Event>().ListAsync(Ns)).Items.Where(e => e.Reason == reason && e.Regarding?.Name == name)];

    /// <summary>Waits until at least <paramref name="count"/> Events of <paramref name="reason"/> are recorded about the block.</summary>
    protected Task<List<Eventsv1Event>> WaitForEventsAsync(string reason, int count = 1, string name = "bb091") =>
        Eventually.ReturnsAsync(() => BlockEventsAsync(reason, name), events => events.Count >= count, $"{count} {reason} Event(s) about {name}");

    private static V1Condition Condition(string type, bool status, string reason, DateTime now, V1Alpha1NovaAgent agent) => new()
    {
        Type = type,
        Status = status ? ConditionStatus.True : ConditionStatus.False,
        Reason = reason,
        Message = "set by the test",
        LastTransitionTime = now,
        ObservedGeneration = agent.Metadata.Generation,
    };
}
