using k8s;
using k8s.Models;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.CrdGenerator;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;
using Prometheus;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.NovaAgent.Tests.Support;

/// <summary>
/// One local API server per fixture (Deployment status simulator and garbage collector on, the
/// NovaAgent CRD installed from the C# types); per test a fresh namespace and the operator's real
/// host watching it.
/// </summary>
public abstract class OperatorTestBase
{
    protected const string Host = "node001-bb091";
    protected const string ChildName = "nova-compute-" + Host;
    protected const string Image = "registry.example/nova-compute:2025.1";

    private Kubernetes _kubernetes = null!;
    private string _kubeconfig = null!;

    protected ApiServer Server { get; private set; } = null!;

    protected KubeApiClient Api { get; private set; } = null!;

    protected string Namespace { get; private set; } = null!;

    protected OperatorUnderTest Operator { get; private set; } = null!;

    /// <summary>Gets how long the server's Deployment simulator takes to make a rolled-out Deployment ready (200 ms unless a fixture needs otherwise).</summary>
    protected virtual TimeSpan DeploymentReadyDelay => TimeSpan.FromMilliseconds(200);

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Server = await ApiServer.StartAsync(new LocalApiServerOptions { DeploymentReadyDelay = DeploymentReadyDelay });
        _kubeconfig = Path.Combine(Path.GetTempPath(), $"nova-agent-tests-{Guid.NewGuid():N}.kubeconfig");
        Server.WriteKubeconfig(_kubeconfig);
        _kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
        Api = new KubeApiClient(
            _kubernetes,
            new KubeApiClientOptions { Qps = 10_000, Burst = 10_000, RetryBaseDelay = TimeSpan.FromMilliseconds(5) },
            OpenStackJsonContext.Default,
            metrics: new RestClientMetrics(Metrics.NewCustomRegistry()));
        await Api.For<V1CustomResourceDefinition>().CreateAsync(CustomResourceDefinitions.Generate(typeof(V1Alpha1NovaAgent)));
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    await Api.For<V1Alpha1NovaAgent>().ListAsync("default");
                    return true;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return false;
                }
            },
            "NovaAgents are served");
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        _kubernetes.Dispose();
        await Server.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    [SetUp]
    public async Task StartOperatorAsync()
    {
        Namespace = "t-" + Guid.NewGuid().ToString("N")[..12];
        await Api.For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        Operator = await OperatorUnderTest.StartAsync(_kubeconfig, Namespace);
    }

    [TearDown]
    public async Task StopOperatorAsync() => await Operator.DisposeAsync();

    /// <summary>Replaces the running operator with a new process-like host (fresh caches and queue).</summary>
    protected async Task RestartOperatorAsync(TimeSpan? resyncPeriod = null, IReadOnlyList<string>? flags = null)
    {
        await Operator.DisposeAsync();
        Operator = await OperatorUnderTest.StartAsync(_kubeconfig, Namespace, resyncPeriod, flags);
    }

    protected async Task<V1Alpha1NovaAgent> CreateAgentAsync(Action<NovaAgentSpec>? configure = null)
    {
        var agent = new V1Alpha1NovaAgent
        {
            Metadata = new V1ObjectMeta { Name = Host, NamespaceProperty = Namespace },
            Spec = new NovaAgentSpec { Host = Host, BuildingBlock = "bb091", AvailabilityZone = "qa-de-1a", Image = Image },
        };
        configure?.Invoke(agent.Spec);
        return await Api.For<V1Alpha1NovaAgent>().CreateAsync(agent);
    }

    protected Task<V1Alpha1NovaAgent> GetAgentAsync() => Api.For<V1Alpha1NovaAgent>().GetAsync(Host, Namespace);

    protected Task<V1Alpha1NovaAgent> PatchAgentAsync(string mergePatch) =>
        Api.For<V1Alpha1NovaAgent>().PatchAsync(Host, ResourcePatch.Merge(mergePatch), Namespace);

    protected Task<V1Deployment?> FindDeploymentAsync(string name = ChildName) => FindAsync<V1Deployment>(name);

    protected Task<V1ConfigMap?> FindConfigMapAsync(string name = ChildName) => FindAsync<V1ConfigMap>(name);

    /// <summary>Waits until the NovaAgent's current generation is observed with Ready of <paramref name="reason"/>.</summary>
    protected Task<V1Alpha1NovaAgent> WaitForReadyReasonAsync(string reason, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            async () =>
            {
                var agent = await GetAgentAsync();
                return agent.Status?.ObservedGeneration == agent.Metadata.Generation
                    && Conditions.Find(agent.Status?.Conditions, NovaAgentConditions.Ready)?.Reason == reason ? agent : null;
            },
            $"the NovaAgent is observed with Ready reason {reason}",
            timeout);

    /// <summary>Waits until the Deployment exists and <paramref name="condition"/> holds for it.</summary>
    protected Task<V1Deployment> WaitForDeploymentAsync(Func<V1Deployment, bool> condition, string what) =>
        Eventually.GetAsync(async () => await FindDeploymentAsync() is { } d && condition(d) ? d : null, what);

    /// <summary>Waits until an Event of <paramref name="reason"/> about the NovaAgent is stored.</summary>
    protected Task<Eventsv1Event> WaitForEventAsync(string reason) =>
        Eventually.GetAsync(
            async () => (await Api.For<Eventsv1Event>().ListAsync(Namespace)).Items.FirstOrDefault(e => e.Reason == reason && e.Regarding?.Name == Host),
            $"an Event {reason} is recorded");

    /// <summary>Waits until the operator finished <paramref name="count"/> more reconciles than <paramref name="since"/>.</summary>
    protected async Task WaitForReconcilesAsync(double since, int count = 1) =>
        await Eventually.HoldsAsync(async () => await Operator.ReconcilesAsync() >= since + count, $"{count} more reconcile(s) finished");

    private async Task<T?> FindAsync<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await Api.For<T>().GetAsync(name, Namespace);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
