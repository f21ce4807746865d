using k8s;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.CrdGenerator;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using Prometheus;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

[assembly: LevelOfParallelism(8)]

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>
/// Shared by every integration test: one in-process API server with the BuildingBlock and
/// MaintenanceNotifier CRDs (generated from the C# types), a kubeconfig for the operator hosts, a client
/// for the tests, and one webhook receiver (each test uses its own paths).
/// </summary>
[SetUpFixture]
public sealed class IntegrationEnvironment
{
    private static Kubernetes? _kubernetes;

    public static ApiServer Server { get; private set; } = null!;

    public static string Kubeconfig { get; private set; } = null!;

    public static KubeApiClient Api { get; private set; } = null!;

    public static WebhookReceiver Receiver { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Server = await ApiServer.StartAsync(new LocalApiServerOptions());
        Kubeconfig = Path.Combine(Path.GetTempPath(), $"mn-kubeconfig-{Guid.NewGuid():N}");
        Server.WriteKubeconfig(Kubeconfig, "maintenance-notifier-tests");
        _kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
        Api = new KubeApiClient(
            _kubernetes,
            new KubeApiClientOptions { Qps = 10_000, Burst = 10_000 },
            OpenStackJsonContext.Default,
            null,
            new RestClientMetrics(Metrics.NewCustomRegistry()));
        await InstallAsync<V1Alpha1BuildingBlock>();
        await InstallAsync<V1Alpha1MaintenanceNotifier>();
        Receiver = await WebhookReceiver.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Receiver.DisposeAsync();
        _kubernetes?.Dispose();
        await Server.DisposeAsync();
        File.Delete(Kubeconfig);
    }

    private static async Task InstallAsync<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        await Api.For<V1CustomResourceDefinition>().CreateAsync(CustomResourceDefinitions.Generate(typeof(T)));
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return await Api.For<T>().ListAsync("default");
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return null;
                }
            },
            $"{typeof(T).Name} is served");
    }
}
