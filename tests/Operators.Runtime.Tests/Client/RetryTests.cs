using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class RetryTests : ApiServerTestBase
{
    private DelayRecordingTimeProvider _time = null!;
    private IResourceClient<V1ConfigMap> _configMaps = null!;

    [SetUp]
    public void CreateResourceClient()
    {
        _time = new DelayRecordingTimeProvider();
        _configMaps = CreateClient(new KubeApiClientOptions { Qps = 10_000, Burst = 10_000 }, _time).For<V1ConfigMap>();
    }

    [Test]
    public async Task A429Burst_IsRetriedAfterEachRetryAfterHint()
    {
        var name = UniqueName("cm");
        await _configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(name));
        _time.Delays.Clear();
        Server.Faults.FailNext(3, 429, verb: "get", resource: "configmaps", retryAfterSeconds: 2);

        var read = await _configMaps.GetAsync(name, "default");

        read.Metadata.Name.Should().Be(name);
        Server.Requests.Get("get", "configmaps").Should().Be(4);
        _time.Delays.Should().Equal(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    [Test]
    public async Task A5xxBurst_IsRetriedWithGrowingBackoff()
    {
        var name = UniqueName("cm");
        Server.Faults.FailNext(3, 503, verb: "create", resource: "configmaps", retryAfterSeconds: 0);

        var created = await _configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(name));

        created.Metadata.Name.Should().Be(name);
        Server.Requests.Get("create", "configmaps").Should().Be(4);
        _time.Delays.Should().HaveCount(3).And.OnlyContain(delay => delay > TimeSpan.Zero && delay <= KubeApiClientOptions.DefaultMaxRetryDelay);
    }

    [Test]
    public async Task TooManyFailures_SurfaceTheLastErrorAfterMaxRetries()
    {
        Server.Faults.FailNext(100, 500, verb: "list", resource: "configmaps", retryAfterSeconds: 0);

        var list = () => _configMaps.ListAsync("default");

        (await list.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(500);
        Server.Requests.Get("list", "configmaps").Should().Be(1 + KubeApiClientOptions.DefaultMaxRetries);
    }

    [TestCase(400)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(422)]
    [TestCase(501)]
    public async Task ClientErrors_AreNotRetried(int statusCode)
    {
        Server.Faults.FailNext(1, statusCode, verb: "get", resource: "configmaps");

        var get = () => _configMaps.GetAsync("anything", "default");

        (await get.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(statusCode);
        Server.Requests.Get("get", "configmaps").Should().Be(1);
        _time.Delays.Should().BeEmpty();
    }

    [Test]
    public async Task AnInjected409_ReachesTheCallerAsAConflictWithoutRetry()
    {
        var name = UniqueName("cm");
        var created = await _configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(name));
        Server.Faults.FailNext(1, 409, verb: "update", resource: "configmaps");

        var update = () => _configMaps.UpdateAsync(created);

        await update.Should().ThrowAsync<KubernetesConflictException>();
        Server.Requests.Get("update", "configmaps").Should().Be(1);
    }

    [Test]
    public async Task ARefusedConnection_IsRetriedAsATransportError()
    {
        using var kubernetes = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var options = new KubeApiClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var client = new KubeApiClient(kubernetes, options, timeProvider: _time, metrics: new RestClientMetrics(registry));

        var get = () => client.For<V1ConfigMap>().GetAsync("x", "default");

        await get.Should().ThrowAsync<HttpRequestException>();
        (await MetricsTests.ExportAsync(registry)).Should().Contain("rest_client_requests_total{code=\"<error>\",method=\"GET\",host=\"127.0.0.1:1\"} 3");
    }
}
