using System.Globalization;
using FluentAssertions;
using k8s;
using k8s.Models;
using NUnit.Framework.Interfaces;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.Testing;
using LocalServer = Operators.LocalApiServer.LocalApiServer;
using LocalServerOptions = Operators.LocalApiServer.LocalApiServerOptions;

namespace Operators.Aot.Tests;

/// <summary>
/// The nova-agent operator as <c>make aot</c> published it (one native executable) runs as a real
/// process, as deployed (leader election on, text logs), against an in-process local API server with
/// the CRDs of the charts, and reconciles a NovaAgent: its ConfigMap and Deployment appear, and once the
/// server's Deployment simulator makes the Deployment available the agent is Ready. nova-agent shows a
/// whole reconcile (cache of three kinds, two children, status, Events, a Lease) with no other operator.
/// </summary>
[NonParallelizable]
public class NativeNovaAgentTests
{
    private const string Namespace = "openstack";
    private const string Host = "node001-bb091";
    private const string ChildName = "nova-compute-" + Host;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ProcessSupervisor? _supervisor;
    private string? _folder;

    [TearDown]
    public async Task StopAndShowLogsOnFailureAsync()
    {
        if (_supervisor is not null)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            {
                foreach (var child in _supervisor.Children)
                {
                    TestContext.Out.WriteLine($"--- {child.Name} (pid {child.Pid}{(child.HasExited ? ", exited" : string.Empty)}) ---");
                    TestContext.Out.WriteLine(string.Join(Environment.NewLine, child.RecentLines.TakeLast(40)));
                }
            }

            await _supervisor.DisposeAsync();
            _supervisor = null;
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
            _folder = null;
        }
    }

    [Test]
    public async Task NativeNovaAgent_AgainstTheLocalApiServer_ReconcilesASampleAgentToReadyAndReleasesItsLeaseOnSigterm()
    {
        var program = PublishedOperator.Named("nova-agent");
        var binary = PublishedOperator.Require(program);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        var folder = _folder = Directory.CreateTempSubdirectory("aot-").FullName;
        await using var server = await LocalServer.StartAsync(new LocalServerOptions { DeploymentReadyDelay = TimeSpan.FromMilliseconds(200) }, ct);
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        using var api = new ApiHttpClient(server.BaseAddress);
        await InstallCrdsAsync(api, ct);
        var applier = new ManifestApplier(api);
        foreach (var name in new[] { Namespace, LocalSystem.OperatorNamespace })
        {
            await applier.ApplyAsync(new() { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name } }, ct);
        }

        _supervisor = new ProcessSupervisor((_, _) => { }) { Grace = TimeSpan.FromSeconds(10) };
        var endpoints = OperatorEndpoints.Allocate();
        var process = _supervisor.Start(new ChildSpec(program.Prefix, binary,
        [
            "--kubeconfig", kubeconfig,
            "--leader-elect=true",
            "--leader-election-namespace", LocalSystem.OperatorNamespace,
            "--log-format", "text",
            "--metrics-bind-address", "127.0.0.1:" + endpoints.MetricsPort.ToString(CultureInfo.InvariantCulture),
            "--health-probe-bind-address", "127.0.0.1:" + endpoints.HealthPort.ToString(CultureInfo.InvariantCulture),
        ]));
        using var probe = new ApiHttpClient(endpoints.Health);
        var ready = probe.WaitForOkAsync("/readyz", StartTimeout, ct);
        (await Task.WhenAny(ready, process.Exited)).Should().BeSameAs(ready, "the native operator starts and syncs its caches (it must not exit)");
        await ready;

        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        var client = new KubeApiClient(kubernetes, new KubeApiClientOptions { Qps = 1_000, Burst = 1_000 }, OpenStackJsonContext.Default);
        var agent = await client.For<V1Alpha1NovaAgent>().CreateAsync(SampleAgent(), ct);

        await Eventually.HoldsAsync(
            async () => await client.For<V1Alpha1NovaAgent>().GetAsync(Host, Namespace, ct) is { Status: { } s }
                && s.Conditions?.Any(c => c is { Type: NovaAgentConditions.Ready, Status: "True", Reason: NovaAgentConditions.Available }) == true,
            $"NovaAgent {Host} is Ready=True (Available)");
        var reconciled = await client.For<V1Alpha1NovaAgent>().GetAsync(Host, Namespace, ct);
        var configMap = await client.For<V1ConfigMap>().GetAsync(ChildName, Namespace, ct);
        var deployment = await client.For<V1Deployment>().GetAsync(ChildName, Namespace, ct);
        configMap.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == agent.Metadata.Uid && o.Controller == true);
        configMap.Data.Should().ContainKey("01-nova-compute.conf").WhoseValue.Should().Contain($"host = {Host}");
        deployment.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == agent.Metadata.Uid && o.Controller == true);
        deployment.Spec.Template.Metadata.Annotations.Should().Contain($"{ApiGroup.Name}/config-hash", reconciled.Status!.ConfigHash);
        reconciled.Status.ConfigMapName.Should().Be(ChildName);
        reconciled.Status.DeploymentName.Should().Be(ChildName);
        reconciled.Status.ReadyReplicas.Should().Be(1);
        (await client.For<V1Lease>().GetAsync(program.Name, LocalSystem.OperatorNamespace, ct)).Spec.HolderIdentity.Should().NotBeNullOrEmpty("it leads");
        process.HasExited.Should().BeFalse();

        var (exitCode, killed) = await process.StopAsync(TimeSpan.FromSeconds(10));

        killed.Should().BeFalse("SIGTERM stops the native operator gracefully");
        exitCode.Should().Be(0);
        (await client.For<V1Lease>().GetAsync(program.Name, LocalSystem.OperatorNamespace, ct)).Spec.HolderIdentity.Should().BeNullOrEmpty("it released its Lease on the way out");
    }

    private static async Task InstallCrdsAsync(ApiHttpClient api, CancellationToken cancellationToken)
    {
        var crds = CrdManifests.Load(TestRepository.Layout);
        await new ManifestApplier(api).ApplyAllAsync(crds, cancellationToken);
        await api.WaitForOkAsync($"/apis/{ApiGroup.Name}/{ApiGroup.Version}/{V1Alpha1NovaAgent.Plural}", StartTimeout, cancellationToken);
    }

    private static V1Alpha1NovaAgent SampleAgent() => new()
    {
        Metadata = new V1ObjectMeta { Name = Host, NamespaceProperty = Namespace },
        Spec = new NovaAgentSpec
        {
            Host = Host,
            BuildingBlock = "bb091",
            AvailabilityZone = "qa-de-1a",
            Image = "registry.example/nova-compute:2025.1",
            CustomServiceConfig = "[libvirt]\ncpu_mode = host-passthrough\n",
        },
    };
}
