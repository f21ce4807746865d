using k8s;
using Operators.LocalApiServer;
using Operators.Runtime.Client;
using Prometheus;
using ApiServer = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Runtime.Tests.Client;

/// <summary>Starts one in-process API server per fixture and builds clients against it.</summary>
public abstract class ApiServerTestBase
{
    private readonly List<Kubernetes> _kubernetes = [];

    protected ApiServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync() => Server = await ApiServer.StartAsync(new LocalApiServerOptions());

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        foreach (var kubernetes in _kubernetes)
        {
            kubernetes.Dispose();
        }

        await Server.DisposeAsync();
    }

    [SetUp]
    public void ClearFaults()
    {
        Server.Faults.Clear();
        Server.Requests.Reset();
    }

    /// <summary>A client with its own metrics registry (so tests never share counters).</summary>
    protected KubeApiClient CreateClient(
        KubeApiClientOptions? options = null,
        TimeProvider? time = null,
        CollectorRegistry? registry = null,
        System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? resolver = null)
    {
        var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Server.BaseAddress.ToString() });
        _kubernetes.Add(kubernetes);
        options ??= new KubeApiClientOptions { Qps = 10_000, Burst = 10_000, RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        return new KubeApiClient(kubernetes, options, resolver, time, new RestClientMetrics(registry ?? Metrics.NewCustomRegistry()));
    }

    /// <summary>A name unique to this test run.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
}
