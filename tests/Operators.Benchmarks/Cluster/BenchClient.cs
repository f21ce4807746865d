using k8s;
using Operators.Api;
using Operators.Runtime.Client;
using Prometheus;

namespace Operators.Benchmarks.Cluster;

/// <summary>The client every measuring program uses: the real <see cref="KubeApiClient"/> over HTTP, never rate limited.</summary>
internal static class BenchClient
{
    /// <summary>A client of <paramref name="server"/>; the caller disposes <paramref name="kubernetes"/>.</summary>
    public static KubeApiClient Create(Uri server, out Kubernetes kubernetes)
    {
        kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = server.ToString() });
        return new KubeApiClient(
            kubernetes,
            new KubeApiClientOptions { Qps = 1_000_000, Burst = 1_000_000 },
            OpenStackJsonContext.Default,
            metrics: new RestClientMetrics(Metrics.NewCustomRegistry()));
    }
}
