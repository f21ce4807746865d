using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using Operators.Api;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Prometheus;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// The system under measurement, built like <c>make run</c> builds it (LocalRun's <see cref="LocalSystem"/>):
/// the local API server program as its own process with the CRDs from the charts, and optionally the
/// three operators (Release builds) as processes with extra flags. Output lines of the children are
/// dropped except the first few warnings or errors of each, which are printed.
/// </summary>
internal sealed class ScaleSystem : IAsyncDisposable
{
    /// <summary>The namespace the blocks live in.</summary>
    public const string Namespace = "openstack";

    /// <summary>The User-Agent product of the benchmark's own client (to tell its requests apart in <c>/_local/access</c>).</summary>
    public const string BenchUserAgent = "scale-bench";

    private const int PrintedLinesPerChild = 20;
    private const string ReconcileMetric = "controller_runtime_reconcile_total";
    private const string DroppedEventsMetric = "event_recorder_dropped_total";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly LocalSystem _system;
    private readonly ConcurrentDictionary<string, int> _printed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChildProcess> _operators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperatorEndpoints> _endpoints = new(StringComparer.Ordinal);
    private readonly List<Kubernetes> _kubernetes = [];

    private ScaleSystem(string runDirectory)
    {
        var layout = RepositoryLayout.Discover("Release");
        layout.RequireBuilt();
        _system = new LocalSystem(layout, runDirectory, new ProcessSupervisor(OnLine));
    }

    /// <summary>Gets the API server's admin and raw HTTP client.</summary>
    public ApiHttpClient Admin => _system.Api;

    /// <summary>Gets the API server process.</summary>
    public ChildProcess? ApiServer { get; private set; }

    /// <summary>Gets the operator processes by name.</summary>
    public IReadOnlyDictionary<string, ChildProcess> Operators => _operators;

    /// <summary>Starts the API server program, installs the CRDs from the charts and creates <see cref="Namespace"/>.</summary>
    public static async Task<ScaleSystem> StartAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var system = new ScaleSystem(runDirectory);
        try
        {
            system.ApiServer = await system._system.StartApiServerAsync(0, deploymentReadyDelay: null, cancellationToken);
            await system._system.InstallCrdsAsync(cancellationToken);
            await system._system.EnsureNamespaceAsync(LocalSystem.OperatorNamespace, cancellationToken);
            await system._system.EnsureNamespaceAsync(Namespace, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the three operators with the flags of <c>make run</c> plus <paramref name="extraFlags"/>, and waits until each is ready:
    /// as Release builds under <c>dotnet</c>, or as the NativeAOT executables <c>make aot</c> published.
    /// </summary>
    public async Task StartOperatorsAsync(IReadOnlyList<string> extraFlags, Footprint.Flavour flavour, CancellationToken cancellationToken)
    {
        var dotnet = DotnetHost.Find();
        await Task.WhenAll(OperatorProgram.All.Select(async program =>
        {
            var endpoints = OperatorEndpoints.Allocate();
            var spec = ChildSpecs.Operator(dotnet, _system.Layout, program, endpoints, _system.Kubeconfig, LocalSystem.OperatorNamespace);
            if (flavour == Footprint.Flavour.Aot)
            {
                var executable = Footprint.PublishedOperator.Find(_system.Layout.Root, program, flavour, dotnet)?.FileName
                    ?? throw new InvalidOperationException($"artifacts/aot/{program.Name} is missing: run `make aot` first, or run the scale step with --operators jit");
                spec = spec with { FileName = executable, Arguments = [.. spec.Arguments.Skip(1)] }; // the executable instead of `dotnet <dll>`
            }

            var child = _system.Supervisor.Start(spec with { Arguments = [.. spec.Arguments, .. extraFlags] });
            lock (_operators)
            {
                _operators[program.Name] = child;
                _endpoints[program.Name] = endpoints;
            }

            using var probe = new ApiHttpClient(endpoints.Health);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var ready = probe.WaitForOkAsync("/readyz", ReadyTimeout, stop.Token);
            if (await Task.WhenAny(ready, child.Exited) == child.Exited)
            {
                await stop.CancelAsync();
                await Task.WhenAny(ready);
                throw child.ExitedEarly();
            }

            await ready;
        }));
    }

    /// <summary>A typed client of the benchmark itself: not rate limited, User-Agent <see cref="BenchUserAgent"/>.</summary>
    public KubeApiClient CreateClient()
    {
        var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = Admin.BaseAddress.ToString() });
        _kubernetes.Add(kubernetes);
        return new KubeApiClient(
            kubernetes,
            new KubeApiClientOptions { Qps = 1_000_000, Burst = 1_000_000, UserAgent = BenchUserAgent + "/1.0" },
            OpenStackJsonContext.Default,
            metrics: new RestClientMetrics(Metrics.NewCustomRegistry()));
    }

    /// <summary>Resets the server's request counters and access records.</summary>
    public async Task ResetCountersAsync(CancellationToken cancellationToken) =>
        Require(await Admin.DeleteAsync("/_local/counters", cancellationToken), "reset the counters");

    /// <summary>The server's request counts, keyed <c>"verb resource"</c>.</summary>
    public async Task<RequestTally> CountersAsync(CancellationToken cancellationToken)
    {
        var response = Require(await Admin.GetAsync("/_local/counters", cancellationToken), "read the counters");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (response.Body?["requests"] is JsonObject requests)
        {
            foreach (var (key, value) in requests)
            {
                counts[key] = value?.GetValue<long>() ?? 0;
            }
        }

        return new RequestTally(counts);
    }

    /// <summary>Per client (User-Agent product), the distinct kinds of write it made since the last reset besides Lease writes, as "verb resource".</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> WritersAsync(CancellationToken cancellationToken)
    {
        var response = Require(await Admin.GetAsync("/_local/access", cancellationToken), "read the access records");
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (client, kinds) in response.Body as JsonObject ?? [])
        {
            var writes = (kinds as JsonArray ?? [])
                .Select(k => (Verb: k?["verb"]?.GetValue<string>() ?? "", Resource: k?["resource"]?.GetValue<string>() ?? ""))
                .Where(k => RequestTally.IsWrite(k.Verb) && k.Resource != "leases")
                .Select(k => $"{k.Verb} {k.Resource}")
                .ToList();
            if (writes.Count > 0)
            {
                result[client] = writes;
            }
        }

        return result;
    }

    /// <summary>The resident set size of each operator process now, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public IReadOnlyDictionary<string, long> OperatorRss() =>
        _operators.ToDictionary(o => o.Key, o => ResidentBytes(o.Value.Pid), StringComparer.Ordinal);

    /// <summary>
    /// CPU time (user + system) used so far by the API server, each operator and this benchmark process (its
    /// writers and watch), by name: with the elapsed time it shows whether the cores were what limited a run.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> CpuTimes()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var result = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            ["benchmark"] = self.TotalProcessorTime,
        };
        if (ApiServer is { } server)
        {
            result["api-server"] = CpuTime(server.Pid);
        }

        foreach (var (name, child) in _operators)
        {
            result[name] = CpuTime(child.Pid);
        }

        return result;
    }

    /// <summary>Each operator's reconciles so far (the sum of <c>controller_runtime_reconcile_total</c> on its <c>/metrics</c>).</summary>
    public Task<IReadOnlyDictionary<string, long>> ReconcilesAsync(CancellationToken cancellationToken) =>
        MetricAsync(ReconcileMetric, cancellationToken);

    /// <summary>Each operator's Events dropped so far because its recorder's queue was full (<c>event_recorder_dropped_total</c>).</summary>
    public Task<IReadOnlyDictionary<string, long>> DroppedEventsAsync(CancellationToken cancellationToken) =>
        MetricAsync(DroppedEventsMetric, cancellationToken);

    /// <summary>Each operator's sum of the series of a counter on its <c>/metrics</c>.</summary>
    private async Task<IReadOnlyDictionary<string, long>> MetricAsync(string metric, CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var http = new HttpClient();
        foreach (var (name, endpoints) in _endpoints)
        {
            var text = await http.GetStringAsync(endpoints.Metrics, cancellationToken);
            result[name] = text.Split('\n')
                .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
                .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>Fails with the operator's last lines when one of the operators has exited.</summary>
    public void ThrowIfOperatorExited()
    {
        foreach (var child in _operators.Values)
        {
            if (child.HasExited)
            {
                throw child.ExitedEarly();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        foreach (var kubernetes in _kubernetes)
        {
            kubernetes.Dispose();
        }
    }

    private static ApiResponse Require(ApiResponse response, string what) =>
        response.IsSuccess ? response : throw new InvalidOperationException($"could not {what}: {response.Describe()}");

    private static long ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Gone: reported as 0.
        }

        return 0;
    }

    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero; // gone: reported as 0
        }
    }

    private void OnLine(ChildProcess child, string line)
    {
        var important = line.Contains("warn", StringComparison.OrdinalIgnoreCase) || line.Contains("fail", StringComparison.OrdinalIgnoreCase)
            || line.Contains("error", StringComparison.OrdinalIgnoreCase) || line.Contains("exception", StringComparison.OrdinalIgnoreCase);
        if (important && _printed.AddOrUpdate(child.Name, 1, (_, n) => n + 1) <= PrintedLinesPerChild)
        {
            Console.WriteLine($"[{child.Name}] {line}");
        }
    }
}
