using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using Operators.Api;
using Operators.Runtime.Client;

namespace Operators.LocalRun;

/// <summary>
/// The whole system as separate processes on one machine: the local API server, the CRDs, the
/// three operators (leader election on, text logs) and optionally the webhook receiver. Each step
/// waits until its part answers (or fails with one line). <c>make run</c> and the end-to-end tests
/// both build the system with it; disposing stops every process.
/// </summary>
internal sealed partial class LocalSystem : IAsyncDisposable
{
    /// <summary>The namespace of the operators' Leases.</summary>
    public const string OperatorNamespace = "openstack-operators";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dotnet;
    private readonly TimeProvider _time;
    private readonly Dictionary<OperatorProgram, OperatorEndpoints> _endpoints = [];
    private ApiHttpClient? _api;

    /// <summary>Initializes a new instance of the <see cref="LocalSystem"/> class.</summary>
    /// <param name="layout">The repository (where the built programs are).</param>
    /// <param name="runDirectory">Where the kubeconfig (and logs) go.</param>
    /// <param name="supervisor">Starts and stops the processes.</param>
    /// <param name="time">The clock for waits.</param>
    public LocalSystem(RepositoryLayout layout, string runDirectory, ProcessSupervisor supervisor, TimeProvider? time = null)
    {
        Layout = layout;
        RunDirectory = Path.GetFullPath(runDirectory);
        Supervisor = supervisor;
        _time = time ?? TimeProvider.System;
        _dotnet = DotnetHost.Find();
    }

    /// <summary>Gets the repository.</summary>
    public RepositoryLayout Layout { get; }

    /// <summary>Gets the run directory.</summary>
    public string RunDirectory { get; }

    /// <summary>Gets the process supervisor.</summary>
    public ProcessSupervisor Supervisor { get; }

    /// <summary>Gets the kubeconfig the API server writes and everything else reads.</summary>
    public string Kubeconfig => Path.Combine(RunDirectory, "kubeconfig");

    /// <summary>Gets the API client; available once <see cref="StartApiServerAsync"/> returned.</summary>
    public ApiHttpClient Api => _api ?? throw new InvalidOperationException("the API server has not been started");

    /// <summary>
    /// Gets the admin token the API server requires (<c>--token</c>; it writes it into <see cref="Kubeconfig"/>), which
    /// <see cref="Api"/> and <see cref="CreateClient"/> send; null (the default) for a server without tokens.
    /// </summary>
    public string? ApiServerToken { get; init; }

    /// <summary>Gets more flags for the API server, e.g. <c>--rbac</c> and <c>--token-file PATH</c>; empty by default.</summary>
    public IReadOnlyList<string> ApiServerArguments { get; init; } = [];

    /// <summary>Gets the ports of each started operator.</summary>
    public IReadOnlyDictionary<OperatorProgram, OperatorEndpoints> Endpoints => _endpoints;

    /// <summary>Starts the API server and waits until it answers <c>/readyz</c>.</summary>
    /// <param name="port">The port; 0 for a free one.</param>
    /// <param name="deploymentReadyDelay">How long simulated Deployments take to become ready; null for the default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The process.</returns>
    /// <exception cref="LaunchException">It exited (e.g. port in use) or did not answer.</exception>
    public async Task<ChildProcess> StartApiServerAsync(int port, TimeSpan? deploymentReadyDelay, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RunDirectory);
        File.Delete(Kubeconfig);
        var child = Supervisor.Start(ChildSpecs.ApiServer(_dotnet, Layout, port, Kubeconfig, deploymentReadyDelay,
            [.. ApiServerToken is null ? [] : (string[])["--token", ApiServerToken], .. ApiServerArguments]));
        // It prints where it listens, writes the kubeconfig, then says how to use it.
        await child.WaitForLineAsync(l => l.Contains("KUBECONFIG=", StringComparison.Ordinal), StartTimeout, cancellationToken);
        var listening = child.RecentLines.Select(l => ListeningLine().Match(l)).FirstOrDefault(m => m.Success)
            ?? throw new LaunchException("the API server did not say where it listens");
        _api = new ApiHttpClient(new Uri(listening.Groups["url"].Value), _time, ApiServerToken);
        await UntilReadyAsync(child, ct => _api.WaitForOkAsync("/readyz", StartTimeout, ct), cancellationToken);
        return child;
    }

    /// <summary>Creates the CRDs from the charts and waits until each resource is served.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was applied.</returns>
    public async Task<IReadOnlyList<AppliedObject>> InstallCrdsAsync(CancellationToken cancellationToken)
    {
        var crds = CrdManifests.Load(Layout);
        var applied = await new ManifestApplier(Api).ApplyAllAsync(crds, cancellationToken);
        foreach (var crd in crds)
        {
            var spec = crd["spec"];
            var group = spec?["group"]?.GetValue<string>();
            var plural = spec?["names"]?["plural"]?.GetValue<string>();
            var version = spec?["versions"]?[0]?["name"]?.GetValue<string>();
            await Api.WaitForOkAsync($"/apis/{group}/{version}/{plural}", StartTimeout, cancellationToken);
        }

        return applied;
    }

    /// <summary>Creates a namespace unless it exists.</summary>
    /// <param name="name">The namespace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was applied.</returns>
    public Task<AppliedObject> EnsureNamespaceAsync(string name, CancellationToken cancellationToken) =>
        new ManifestApplier(Api).ApplyAsync(
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } },
            cancellationToken);

    /// <summary>Starts an operator and waits until its <c>/readyz</c> answers (its caches synced).</summary>
    /// <param name="program">The operator.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The process.</returns>
    /// <exception cref="LaunchException">It exited or did not get ready.</exception>
    public async Task<ChildProcess> StartOperatorAsync(OperatorProgram program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        var endpoints = _endpoints.TryGetValue(program, out var known) ? known : _endpoints[program] = OperatorEndpoints.Allocate();
        var child = Supervisor.Start(ChildSpecs.Operator(_dotnet, Layout, program, endpoints, Kubeconfig, OperatorNamespace));
        using var probe = new ApiHttpClient(endpoints.Health, _time);
        await UntilReadyAsync(child, ct => probe.WaitForOkAsync("/readyz", StartTimeout, ct), cancellationToken);
        return child;
    }

    /// <summary>
    /// Starts one replica of an operator (its own ports and log prefix: <c>building-block</c> for replica 1,
    /// <c>building-block-2</c> for replica 2) and waits until its <c>/readyz</c> answers. Starting a replica
    /// again reuses its ports.
    /// </summary>
    /// <param name="program">The operator.</param>
    /// <param name="replica">The replica number, from 1.</param>
    /// <param name="kubeconfig">The kubeconfig it reads; null for <see cref="Kubeconfig"/>.</param>
    /// <param name="extraArguments">More flags; null for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The process.</returns>
    /// <exception cref="LaunchException">It exited or did not get ready.</exception>
    public async Task<ChildProcess> StartOperatorReplicaAsync(
        OperatorProgram program, int replica, string? kubeconfig, IReadOnlyList<string>? extraArguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentOutOfRangeException.ThrowIfLessThan(replica, 1);
        if (replica == 1 && kubeconfig is null && extraArguments is null)
        {
            return await StartOperatorAsync(program, cancellationToken);
        }

        var key = replica == 1 ? program : program with { Prefix = program.Prefix + "-" + replica.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var endpoints = _endpoints.TryGetValue(key, out var known) ? known : _endpoints[key] = OperatorEndpoints.Allocate();
        var child = Supervisor.Start(ChildSpecs.Operator(_dotnet, Layout, program, endpoints, kubeconfig ?? Kubeconfig, OperatorNamespace, key.Prefix, extraArguments));
        using var probe = new ApiHttpClient(endpoints.Health, _time);
        await UntilReadyAsync(child, ct => probe.WaitForOkAsync("/readyz", StartTimeout, ct), cancellationToken);
        return child;
    }

    /// <summary>Starts the webhook receiver and waits until it listens.</summary>
    /// <param name="port">The port; 0 for a free one.</param>
    /// <param name="signingSecret">The key to check signatures with, or null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The address it listens on.</returns>
    public async Task<Uri> StartReceiverAsync(int port, string? signingSecret, CancellationToken cancellationToken)
    {
        var child = Supervisor.Start(ChildSpecs.Receiver(_dotnet, Layout, port, signingSecret));
        var line = await child.WaitForLineAsync(l => ListeningLine().IsMatch(l), StartTimeout, cancellationToken);
        return new Uri(ListeningLine().Match(line).Groups["url"].Value);
    }

    /// <summary>Applies manifests through the API.</summary>
    /// <param name="manifests">The objects.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was applied.</returns>
    public Task<IReadOnlyList<AppliedObject>> ApplyAsync(IEnumerable<JsonObject> manifests, CancellationToken cancellationToken) =>
        new ManifestApplier(Api).ApplyAllAsync(manifests, cancellationToken);

    /// <summary>Creates a typed client of the runtime library for the custom resources (its own metrics registry).</summary>
    /// <returns>The client; dispose its <see cref="KubeApiClient.Kubernetes"/> when done.</returns>
    public KubeApiClient CreateClient() =>
        new(
            new Kubernetes(new KubernetesClientConfiguration { Host = Api.BaseAddress.ToString(), AccessToken = ApiServerToken }),
            new KubeApiClientOptions { Qps = 1_000, Burst = 1_000 },
            OpenStackJsonContext.Default,
            _time,
            new RestClientMetrics(Prometheus.Metrics.NewCustomRegistry()));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Supervisor.StopAllAsync();
        _api?.Dispose();
    }

    private static async Task UntilReadyAsync(ChildProcess child, Func<CancellationToken, Task> ready, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = ready(stop.Token);
        if (await Task.WhenAny(waiting, child.Exited) == child.Exited)
        {
            await stop.CancelAsync();
            await Task.WhenAny(waiting);
            throw child.ExitedEarly();
        }

        await waiting;
    }

    [GeneratedRegex(@"listening on (?<url>http://[\d.]+:\d+/?)")]
    private static partial Regex ListeningLine();
}
