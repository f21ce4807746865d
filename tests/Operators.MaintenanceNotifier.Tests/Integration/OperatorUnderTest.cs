using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operators.MaintenanceNotifier.Delivery;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>The operator's real host (the wiring of Program.cs), in-process, watching one namespace, logging into a capture.</summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _running;

    private OperatorUnderTest(IHost host) => _host = host;

    public DeliveryMetrics Metrics => _host.Services.GetRequiredService<DeliveryMetrics>();

    /// <summary>The Prometheus text of the host's registry, as <c>/metrics</c> serves it.</summary>
    public async Task<string> MetricsTextAsync()
    {
        using var text = new MemoryStream();
        await _host.Services.GetRequiredService<Prometheus.CollectorRegistry>().CollectAndExportAsTextAsync(text);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>Reconciles run so far (<c>controller_runtime_reconcile_total</c> over every result).</summary>
    public async Task<double> ReconcileCountAsync()
    {
        return (await MetricsTextAsync()).Split('\n')
            .Where(line => line.StartsWith("controller_runtime_reconcile_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public static async Task<OperatorUnderTest> StartAsync(string ns, LogCapture logs, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(
        [
            "--kubeconfig", IntegrationEnvironment.Kubeconfig, "--namespace", ns,
            "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--log-format", "text", "--log-level", "debug",
        ]);
        builder.Services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        configure?.Invoke(builder);
        builder.AddMaintenanceNotifier();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        var underTest = new OperatorUnderTest(builder.Build());
        await underTest._host.StartAsync();
        underTest._running = true;
        return underTest;
    }

    public async Task StopAsync()
    {
        if (_running)
        {
            _running = false;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
