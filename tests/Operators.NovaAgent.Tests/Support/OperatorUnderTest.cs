using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.Cache;
using Prometheus;

namespace Operators.NovaAgent.Tests.Support;

/// <summary>The operator's real host (the wiring of Program.cs), run in-process against the local API server.</summary>
public sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly CollectorRegistry _registry;
    private bool _stopped;

    private OperatorUnderTest(IHost host, CollectorRegistry registry)
    {
        Host = host;
        _registry = registry;
    }

    public IHost Host { get; }

    /// <summary>Starts the operator watching <paramref name="namespaceName"/>, with its own metrics registry and no listeners.</summary>
    public static async Task<OperatorUnderTest> StartAsync(string kubeconfig, string namespaceName, TimeSpan? resyncPeriod = null, IReadOnlyList<string>? flags = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
        [
            "--kubeconfig", kubeconfig, "--namespace", namespaceName, "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
            "--log-format", "text", "--log-level", "warn", "--kube-api-qps", "1000", "--kube-api-burst", "1000",
            .. flags ?? [],
        ]);
        var registry = Metrics.NewCustomRegistry();
        builder.Services.AddSingleton(registry);
        if (resyncPeriod is { } period)
        {
            builder.Services.Configure<SharedInformerOptions>(o => o.ResyncPeriod = period);
        }

        builder.AddNovaAgentOperator();
        var host = builder.Build();
        await host.StartAsync();
        return new OperatorUnderTest(host, registry);
    }

    /// <summary>How many reconciles finished so far (<c>controller_runtime_reconcile_total</c>, every result).</summary>
    public async Task<double> ReconcilesAsync()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        stream.Position = 0;
        using var reader = new StreamReader(stream);
        var total = 0.0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("controller_runtime_reconcile_total{", StringComparison.Ordinal) && line.Contains("controller=\"novaagent\"", StringComparison.Ordinal))
            {
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }
}
