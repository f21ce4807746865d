using FluentAssertions;
using Operators.Api;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Rendering;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>A NovaAgent is rendered as a ConfigMap and a Deployment, and rolled exactly when its configuration or pod changes.</summary>
public sealed class RenderingTests : OperatorTestBase
{
    [Test]
    public async Task NovaAgent_YieldsAConfigMapAndADeployment_WithTheContentOfTheDesign()
    {
        var agent = await CreateAgentAsync(s => s.CustomServiceConfig = "[libvirt]\ncpu_mode = host-passthrough\n");

        var deployment = await WaitForDeploymentAsync(_ => true, "the Deployment exists");
        var configMap = (await FindConfigMapAsync())!;

        configMap.Data.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["01-nova-compute.conf"] = NovaComputeConfig.Header + "\n[DEFAULT]\nhost = node001-bb091\ncompute_driver = libvirt.LibvirtDriver\ngraceful_shutdown_timeout = 300\n",
            ["02-custom.conf"] = "[libvirt]\ncpu_mode = host-passthrough\n",
        });
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "nova-compute",
            ["app.kubernetes.io/instance"] = Host,
            ["app.kubernetes.io/managed-by"] = "nova-agent",
            ["app.kubernetes.io/part-of"] = "openstack",
            ["openstack.operators.dev/building-block"] = "bb091",
            ["openstack.operators.dev/host"] = Host,
            ["topology.kubernetes.io/zone"] = "qa-de-1a",
        };
        configMap.Metadata.Labels.Should().BeEquivalentTo(labels);
        deployment.Metadata.Labels.Should().BeEquivalentTo(labels);
        foreach (var owners in new[] { configMap.Metadata.OwnerReferences, deployment.Metadata.OwnerReferences })
        {
            owners.Should().ContainSingle().Which.Should().BeEquivalentTo(new
            {
                ApiVersion = ApiGroup.ApiVersion,
                Kind = "NovaAgent",
                Name = Host,
                agent.Metadata.Uid,
                Controller = true,
                BlockOwnerDeletion = true,
            });
        }

        deployment.Spec.Replicas.Should().Be(1);
        deployment.Spec.Strategy.Type.Should().Be("Recreate");
        deployment.Spec.RevisionHistoryLimit.Should().Be(5);
        deployment.Spec.Selector.MatchLabels.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "nova-compute",
            ["app.kubernetes.io/instance"] = Host,
        });
        var template = deployment.Spec.Template;
        template.Metadata.Labels.Should().BeEquivalentTo(labels);
        template.Metadata.Annotations.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["openstack.operators.dev/config-hash"] = ConfigHash.Compute(configMap.Data),
        });
        template.Spec.TerminationGracePeriodSeconds.Should().Be(330);
        template.Spec.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution[0].Preference.MatchExpressions[0].Values.Should().Equal("qa-de-1a");
        var container = template.Spec.Containers.Should().ContainSingle().Subject;
        container.Name.Should().Be("nova-compute");
        container.Image.Should().Be(Image);
        container.VolumeMounts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "nova-config", MountPath = "/etc/nova/nova.conf.d", ReadOnlyProperty = true });
        template.Spec.Volumes.Should().ContainSingle().Which.ConfigMap.Name.Should().Be(ChildName);
    }

    [Test]
    public async Task NovaAgent_WhenPinned_SelectsTheNode()
    {
        await CreateAgentAsync(s => s.NodeName = "node001");

        var deployment = await WaitForDeploymentAsync(_ => true, "the Deployment exists");

        deployment.Spec.Template.Spec.NodeSelector.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node001" });
    }

    [Test]
    public async Task Ready_TurnsTrue_WhenTheSimulatedDeploymentBecomesAvailable()
    {
        await CreateAgentAsync();

        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.Available);

        var status = agent.Status!;
        Conditions.IsTrue(status.Conditions, NovaAgentConditions.Ready).Should().BeTrue();
        Conditions.Find(status.Conditions, NovaAgentConditions.InService)!.Reason.Should().Be(NovaAgentConditions.Enabled);
        (status.Replicas, status.ReadyReplicas, status.UpdatedReplicas).Should().Be((1, 1, 1));
        status.ConfigMapName.Should().Be(ChildName);
        status.DeploymentName.Should().Be(ChildName);
        status.ConfigHash.Should().Be(ConfigHash.Compute((await FindConfigMapAsync())!.Data));
        status.Conditions.Should().OnlyContain(c => c.ObservedGeneration == agent.Metadata.Generation);
        (await WaitForEventAsync("RolloutCompleted")).Type.Should().Be("Normal");
    }

    [Test]
    public async Task ChangingCustomServiceConfig_ChangesTheHashAndRollsTheAgent()
    {
        await CreateAgentAsync();
        var before = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        var deploymentBefore = (await FindDeploymentAsync())!;

        await PatchAgentAsync("""{"spec":{"customServiceConfig":"[DEFAULT]\ndebug = true\n"}}""");

        var after = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        after.Status!.ConfigHash.Should().NotBe(before.Status!.ConfigHash);
        var configMap = (await FindConfigMapAsync())!;
        configMap.Data["02-custom.conf"].Should().Be("[DEFAULT]\ndebug = true\n");
        var deployment = (await FindDeploymentAsync())!;
        deployment.Spec.Template.Metadata.Annotations["openstack.operators.dev/config-hash"].Should().Be(after.Status.ConfigHash).And.Be(ConfigHash.Compute(configMap.Data));
        deployment.Metadata.Generation.Should().BeGreaterThan(deploymentBefore.Metadata.Generation!.Value);
        (await WaitForEventAsync("ConfigChanged")).Note.Should().Contain(ChildName);
        (await WaitForEventAsync("RolloutStarted")).Note.Should().Contain("config");
    }

    [Test]
    public async Task ChangingTheImage_RollsTheAgentWithoutAConfigChange()
    {
        await CreateAgentAsync();
        var before = await WaitForReadyReasonAsync(NovaAgentConditions.Available);

        await PatchAgentAsync("""{"spec":{"image":"registry.example/nova-compute:2025.2"}}""");

        var after = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        after.Status!.ConfigHash.Should().Be(before.Status!.ConfigHash);
        (await FindDeploymentAsync())!.Spec.Template.Spec.Containers[0].Image.Should().Be("registry.example/nova-compute:2025.2");
        (await WaitForEventAsync("RolloutStarted")).Note.Should().Contain("image");
    }

    [Test]
    public async Task ChangingOnlyALabelOfTheNovaAgent_RollsNothing_AndWritesNothing()
    {
        await CreateAgentAsync();
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        await WaitForEventAsync("RolloutCompleted");
        var deploymentBefore = (await FindDeploymentAsync())!;
        var reconciles = await Operator.ReconcilesAsync();
        Server.Requests.Reset();

        await PatchAgentAsync("""{"metadata":{"labels":{"team":"compute"},"annotations":{"note":"hello"}}}""");
        await WaitForReconcilesAsync(reconciles);

        Server.Requests.Writes.Should().Be(1, "only the test's own label patch was written: {0}", string.Join(", ", Server.Requests.Snapshot()));
        var deployment = (await FindDeploymentAsync())!;
        deployment.Metadata.ResourceVersion.Should().Be(deploymentBefore.Metadata.ResourceVersion);
        deployment.Spec.Template.Metadata.Labels.Should().NotContainKey("team");
    }
}
