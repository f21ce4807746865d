using System.Net;
using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Operators.Runtime.Cache;
using Operators.Runtime.Client;
using Operators.Runtime.LeaderElection;
using Operators.Runtime.Tests.Cache;
using Operators.Runtime.Tests.Client;

namespace Operators.Runtime.Tests.Hosting;

/// <summary>A host built with <c>AddOperator</c> and <c>AddController</c> against the local API server.</summary>
public sealed class OperatorHostingTests : ApiServerTestBase
{
    private string _kubeconfig = null!;

    [OneTimeSetUp]
    public void WriteKubeconfig()
    {
        _kubeconfig = Path.Combine(Path.GetTempPath(), UniqueName("kubeconfig"));
        Server.WriteKubeconfig(_kubeconfig, "hosting-test");
    }

    [OneTimeTearDown]
    public void DeleteKubeconfig() => File.Delete(_kubeconfig);

    [Test]
    public async Task Readyz_Is503UntilCachesSync_ThenHealthzAndReadyzAre200()
    {
        var ns = await CreateNamespaceAsync();
        Server.Faults.FailNext(1, 403, verb: "list", resource: "configmaps");
        await using var host = TestOperatorHost.Create("ready-test", _kubeconfig, "--namespace", ns);
        await host.StartAsync();

        using (var early = await TestOperatorHost.GetAsync(host.Endpoints.HealthProbeEndpoint, "/readyz"))
        {
            early.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the first list failed and the reflector backs off");
        }

        using (var health = await TestOperatorHost.GetAsync(host.Endpoints.HealthProbeEndpoint, "/healthz"))
        {
            health.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Eventually.HoldsAsync(
            async () => (await TestOperatorHost.GetAsync(host.Endpoints.HealthProbeEndpoint, "/readyz")).StatusCode == HttpStatusCode.OK,
            "/readyz is 200");
    }

    [Test]
    public async Task Reconciler_RunsForACreatedObject_AndMetricsExposeTheContractNames()
    {
        var ns = await CreateNamespaceAsync();
        await using var host = TestOperatorHost.Create(UniqueName("metrics"), _kubeconfig, "--namespace", ns, "--leader-elect=true");
        await host.StartAsync();

        await CreateClient().For<V1ConfigMap>().CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm1", NamespaceProperty = ns } });
        await Eventually.HoldsAsync(() => host.Log.Saw(ns, "cm1"), "the reconciler saw cm1");

        using var response = await TestOperatorHost.GetAsync(host.Endpoints.MetricsEndpoint, "/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        string[] names =
        [
            "controller_runtime_reconcile_total", "controller_runtime_reconcile_errors_total", "controller_runtime_reconcile_time_seconds",
            "controller_runtime_max_concurrent_reconciles", "controller_runtime_active_workers",
            "workqueue_depth", "workqueue_adds_total", "workqueue_queue_duration_seconds", "workqueue_work_duration_seconds",
            "workqueue_unfinished_work_seconds", "workqueue_longest_running_processor_seconds", "workqueue_retries_total",
            "rest_client_requests_total", "rest_client_request_duration_seconds", "leader_election_master_status",
        ];
        foreach (var name in names)
        {
            text.Should().Contain($"# TYPE {name} ", $"{name} is part of the metrics contract");
        }

        text.Should().Contain("controller_runtime_reconcile_total{controller=\"configmap\",result=\"success\"} 1");
    }

    [Test]
    public async Task LeaderElection_OnlyTheLeaderReconciles_AndStoppingItHandsOver()
    {
        var ns = await CreateNamespaceAsync();
        var lease = UniqueName("lease");
        await using var first = TestOperatorHost.Create(lease, _kubeconfig, "--namespace", ns, "--leader-elect=true");
        await using var second = TestOperatorHost.Create(lease, _kubeconfig, "--namespace", ns, "--leader-elect=true");
        await first.StartAsync();
        await second.StartAsync();
        var configMaps = CreateClient().For<V1ConfigMap>();
        await configMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before", NamespaceProperty = ns } });

        await Eventually.HoldsAsync(() => first.Log.Saw(ns, "before") || second.Log.Saw(ns, "before"), "one host reconciled");
        var (leader, standby) = first.Log.Saw(ns, "before") ? (first, second) : (second, first);
        standby.Log.Requests.Should().BeEmpty("a standby runs no controllers");

        await leader.StopAsync();
        await configMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after", NamespaceProperty = ns } });

        await Eventually.HoldsAsync(() => standby.Log.Saw(ns, "after"), "the standby took over and reconciled");
    }

    [Test]
    public async Task LostLease_StopsTheHost_WithANonZeroExitCode()
    {
        var ns = await CreateNamespaceAsync();
        var lease = UniqueName("lost");
        await using var host = TestOperatorHost.Create(lease, _kubeconfig, "--namespace", ns, "--leader-elect=true");
        var lifetime = host.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.StartAsync();
        var configMaps = CreateClient().For<V1ConfigMap>();
        await configMaps.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", NamespaceProperty = ns } });
        await Eventually.HoldsAsync(() => host.Log.Saw(ns, "cm"), "the host leads and reconciles");

        try
        {
            await CreateClient().For<V1Lease>().PatchAsync(lease, ResourcePatch.Merge("{\"spec\":{\"holderIdentity\":\"intruder\"}}"), ns);

            await Eventually.HoldsAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, "the host stops");
            Environment.ExitCode.Should().Be(1);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [TestCase("json", ConsoleFormatterNames.Json)]
    [TestCase("text", ConsoleFormatterNames.Simple)]
    public void Logs_UseTheFormatOfTheFlag_WithScopes(string format, string formatter)
    {
        using var host = TestOperatorHost.Create("logs", _kubeconfig, "--log-format", format).Host;

        host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.Should().Be(formatter);
        host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes.Should().Be(format == "json");
        host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes.Should().Be(format == "text");
    }

    [Test]
    public void Tracing_IsRegistered_OnlyWithAnOtlpEndpoint()
    {
        using var plain = TestOperatorHost.Create("plain", _kubeconfig).Host;
        using var traced = TestOperatorHost.Create("traced", _kubeconfig, "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317").Host;

        plain.Services.GetService<TracerProvider>().Should().BeNull();
        traced.Services.GetService<TracerProvider>().Should().NotBeNull();
    }

    [Test]
    public void LeaseAndSyncFlags_ReachTheLeaderElectorAndTheInformers()
    {
        using var host = TestOperatorHost.Create(
            "timed", _kubeconfig,
            "--leader-election-lease-duration", "6s", "--leader-election-renew-deadline", "4s",
            "--leader-election-retry-period", "1s", "--sync-period", "30s").Host;
        using var unflagged = TestOperatorHost.Create("untimed", _kubeconfig).Host;

        var election = host.Services.GetRequiredService<IOptions<LeaderElectionOptions>>().Value;
        election.LeaseDuration.Should().Be(TimeSpan.FromSeconds(6));
        election.RenewDeadline.Should().Be(TimeSpan.FromSeconds(4));
        election.RetryPeriod.Should().Be(TimeSpan.FromSeconds(1));
        host.Services.GetRequiredService<IOptions<SharedInformerOptions>>().Value.ResyncPeriod.Should().Be(TimeSpan.FromSeconds(30));

        unflagged.Services.GetRequiredService<IOptions<LeaderElectionOptions>>().Value.LeaseDuration.Should().Be(TimeSpan.FromSeconds(3), "code's configuration stands without a flag");
        unflagged.Services.GetRequiredService<IOptions<SharedInformerOptions>>().Value.ResyncPeriod.Should().Be(SharedInformerOptions.DefaultResyncPeriod);
    }

    [Test]
    public async Task BadFlag_FailsOnStart_WithTheFlagNamed()
    {
        await using var parse = TestOperatorHost.Create("bad-flags", _kubeconfig, "--max-concurrent-reconciles", "many");
        var start = () => parse.Host.StartAsync();
        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Be("--max-concurrent-reconciles 'many' is not valid: expected an integer.");

        await using var range = TestOperatorHost.Create("bad-flags", _kubeconfig, "--kube-api-burst", "0");
        (await range.RunAsProgramAsync()).Should().Be(OperatorHostExtensions.InvalidOptionsExitCode);

        await using var missing = TestOperatorHost.Create("bad-flags", Path.Combine(Path.GetTempPath(), UniqueName("missing")));
        (await missing.RunAsProgramAsync()).Should().Be(OperatorHostExtensions.InvalidOptionsExitCode);
    }

    private async Task<string> CreateNamespaceAsync()
    {
        var ns = UniqueName("host");
        await CreateClient().For<V1Namespace>().CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        return ns;
    }
}
