using FluentAssertions;
using k8s.Models;
using Operators.Runtime.Client;
using Prometheus;

namespace Operators.Runtime.Tests.Client;

public sealed class MetricsTests : ApiServerTestBase
{
    [Test]
    public async Task EveryAttempt_IsCountedWithCodeMethodAndHost()
    {
        var registry = Metrics.NewCustomRegistry();
        var configMaps = CreateClient(registry: registry).For<V1ConfigMap>();
        var name = UniqueName("cm");
        await configMaps.CreateAsync(ConfigMapClientTests.NewConfigMap(name));
        Server.Faults.FailNext(2, 429, verb: "get", resource: "configmaps", retryAfterSeconds: 0);
        await configMaps.GetAsync(name, "default");

        var text = await ExportAsync(registry);

        var host = Server.BaseAddress.Authority;
        text.Should().Contain($"rest_client_requests_total{{code=\"201\",method=\"POST\",host=\"{host}\"}} 1");
        text.Should().Contain($"rest_client_requests_total{{code=\"429\",method=\"GET\",host=\"{host}\"}} 2");
        text.Should().Contain($"rest_client_requests_total{{code=\"200\",method=\"GET\",host=\"{host}\"}} 1");
        text.Should().Contain($"rest_client_request_duration_seconds_count{{verb=\"GET\",host=\"{host}\"}} 3");
    }

    internal static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
