using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Operators.Runtime.Cache;
using Operators.Runtime.Hosting;
using Prometheus;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>
/// The operator's real host, wired exactly as Program.cs does (<c>AddBuildingBlockOperator</c>), run
/// in-process against the local API server with its own metrics registry and the probes turned off.
/// </summary>
public sealed partial class OperatorProcess : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly CollectorRegistry _registry;
    private bool _stopped;

    private OperatorProcess(IHost host, CollectorRegistry registry)
    {
        _host = host;
        _registry = registry;
    }

    /// <summary>
    /// Starts the operator watching <paramref name="namespaceName"/>; <paramref name="resync"/> replays its caches that often;
    /// <paramref name="flags"/> are added to its command line.
    /// </summary>
    public static async Task<OperatorProcess> StartAsync(string kubeconfig, string namespaceName, TimeSpan? resync = null, IReadOnlyList<string>? flags = null)
    {
        var builder = Host.CreateApplicationBuilder(OperatorArguments.Normalize(
        [
            "--kubeconfig", kubeconfig, "--namespace", namespaceName, "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
            "--log-format", "text", "--log-level", "warn", "--kube-api-qps", "1000", "--kube-api-burst", "1000", .. flags ?? [],
        ]));
        var registry = Metrics.NewCustomRegistry();
        builder.Services.AddSingleton(registry);
        if (resync is { } period)
        {
            builder.Services.Configure<SharedInformerOptions>(o => o.ResyncPeriod = period);
        }

        builder.AddBuildingBlockOperator();
        var host = builder.Build();
        await host.StartAsync();
        return new OperatorProcess(host, registry);
    }

    /// <summary>How many reconciles of BuildingBlocks ended successfully so far.</summary>
    public async Task<long> SuccessfulReconcilesAsync()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var match = SuccessLine().Match(text);
        return match.Success ? (long)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The exported <c>building_block_agents</c> value of one block and state.</summary>
    internal double AgentGauge(string ns, string block, string state) =>
        _host.Services.GetRequiredService<AgentMetrics>().Value(ns, block, state);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    [GeneratedRegex("^controller_runtime_reconcile_total\\{controller=\"buildingblock\",result=\"success\"\\} (\\S+)$", RegexOptions.Multiline)]
    private static partial Regex SuccessLine();
}
