using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Operators.Runtime.Hosting;

/// <summary>
/// Serves <c>/metrics</c> (the registry in Prometheus text format) on the metrics bind address, and
/// <c>/healthz</c> (200 while the process runs) and <c>/readyz</c> (200 once caches synced, else
/// 503) on the health probe bind address. Listens from host start to host stop.
/// </summary>
internal sealed class OperatorEndpoints(
    IOptions<OperatorOptions> options,
    CollectorRegistry registry,
    CacheReadiness readiness,
    ILogger<OperatorEndpoints> logger) : IHostedService, IAsyncDisposable
{
    private const string TextContentType = "text/plain; charset=utf-8";
    private const string MetricsContentType = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly ProbeResponse NotFound = new(404, TextContentType, "not found\n"u8.ToArray());

    private readonly List<PlainHttpServer> _servers = [];

    /// <summary>Gets where <c>/metrics</c> is served; null when off or not started.</summary>
    public IPEndPoint? MetricsEndpoint { get; private set; }

    /// <summary>Gets where the probes are served; null when off or not started.</summary>
    public IPEndPoint? HealthProbeEndpoint { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _ = BindAddress.TryParse(settings.MetricsBindAddress, out var metrics);
        _ = BindAddress.TryParse(settings.HealthProbeBindAddress, out var probes);
        if (metrics is not null)
        {
            MetricsEndpoint = Listen(metrics, ServeMetricsAsync, "/metrics");
        }

        if (probes is not null)
        {
            HealthProbeEndpoint = Listen(probes, ServeProbesAsync, "/healthz, /readyz");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _servers.Clear();
    }

    private static ProbeResponse Text(int status, string body) => new(status, TextContentType, Encoding.UTF8.GetBytes(body));

    private IPEndPoint Listen(IPEndPoint endpoint, Func<string, CancellationToken, Task<ProbeResponse>> handler, string paths)
    {
        var server = new PlainHttpServer(endpoint, handler, logger);
        server.Start();
        _servers.Add(server);
        HostingLog.Listening(logger, paths, server.LocalEndpoint);
        return server.LocalEndpoint;
    }

    private async Task<ProbeResponse> ServeMetricsAsync(string path, CancellationToken cancellationToken)
    {
        if (path != "/metrics")
        {
            return NotFound;
        }

        using var body = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(body, cancellationToken).ConfigureAwait(false);
        return new ProbeResponse(200, MetricsContentType, body.ToArray());
    }

    private Task<ProbeResponse> ServeProbesAsync(string path, CancellationToken cancellationToken) => Task.FromResult(path switch
    {
        "/healthz" => Text(200, "ok\n"),
        "/readyz" when readiness.IsSynced => Text(200, "ok\n"),
        "/readyz" => Text(503, "informer caches not synced\n"),
        _ => NotFound,
    });
}
