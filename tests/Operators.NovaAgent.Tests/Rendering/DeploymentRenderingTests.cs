using FluentAssertions;
using k8s.Models;
using Operators.Api;
using Operators.NovaAgent.Rendering;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Rendering;

public sealed class DeploymentRenderingTests
{
    private const string Hash = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Test]
    public void Apply_ToANewDeployment_RendersEverySetting()
    {
        var agent = TestAgents.Agent(s => s.Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1Gi") } });
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        deployment.Metadata.Name.Should().Be("nova-compute-node001-bb091");
        deployment.Metadata.NamespaceProperty.Should().Be("openstack");
        deployment.Metadata.Labels.Should().BeEquivalentTo(ExpectedLabels());
        deployment.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = ApiGroup.ApiVersion,
            Kind = "NovaAgent",
            Name = TestAgents.Host,
            Uid = agent.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        });
        var spec = deployment.Spec;
        spec.Replicas.Should().Be(1);
        spec.RevisionHistoryLimit.Should().Be(5);
        spec.Strategy.Type.Should().Be("Recreate");
        spec.Strategy.RollingUpdate.Should().BeNull();
        spec.Selector.MatchLabels.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "nova-compute",
            ["app.kubernetes.io/instance"] = TestAgents.Host,
        });
        spec.Template.Metadata.Labels.Should().BeEquivalentTo(ExpectedLabels());
        spec.Template.Metadata.Annotations.Should().BeEquivalentTo(new Dictionary<string, string> { ["openstack.operators.dev/config-hash"] = Hash });
        var pod = spec.Template.Spec;
        pod.TerminationGracePeriodSeconds.Should().Be(330);
        pod.NodeSelector.Should().BeNull();
        pod.AutomountServiceAccountToken.Should().BeFalse();
        var term = pod.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution.Should().ContainSingle().Subject;
        term.Weight.Should().Be(100);
        term.Preference.MatchExpressions.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1NodeSelectorRequirement { Key = "topology.kubernetes.io/zone", OperatorProperty = "In", Values = ["qa-de-1a"] });
        pod.Volumes.Should().ContainSingle().Which.ConfigMap.Should().BeEquivalentTo(
            new V1ConfigMapVolumeSource { Name = "nova-compute-node001-bb091", DefaultMode = 420 });
        var container = pod.Containers.Should().ContainSingle().Subject;
        container.Name.Should().Be("nova-compute");
        container.Image.Should().Be(TestAgents.Image);
        container.Resources.Requests["memory"].ToString().Should().Be("1Gi");
        container.VolumeMounts.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1VolumeMount { Name = "nova-config", MountPath = "/etc/nova/nova.conf.d", ReadOnlyProperty = true });
    }

    [Test]
    public void Apply_InMaintenance_RendersZeroReplicas()
    {
        var agent = TestAgents.Agent(s => s.Maintenance = new MaintenanceRequest { Reason = "CHG0123456 BIOS update" });
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        deployment.Spec.Replicas.Should().Be(0);
    }

    [Test]
    public void Apply_WhenPinned_MergesTheHostnameIntoTheNodeSelector()
    {
        var agent = TestAgents.Agent(s =>
        {
            s.NodeName = "node001";
            s.NodeSelector = new Dictionary<string, string> { ["hw"] = "gen10" };
        });
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        deployment.Spec.Template.Spec.NodeSelector.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["hw"] = "gen10",
            ["kubernetes.io/hostname"] = "node001",
        });
    }

    [Test]
    public void Apply_ForAnApiOnlyDriver_RunsRestricted()
    {
        var agent = TestAgents.Agent(s => s.ComputeDriver = ComputeDrivers.Ironic);
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        var pod = deployment.Spec.Template.Spec;
        pod.SecurityContext.RunAsNonRoot.Should().BeTrue();
        pod.SecurityContext.SeccompProfile.Type.Should().Be("RuntimeDefault");
        var container = pod.Containers[0].SecurityContext;
        container.RunAsNonRoot.Should().BeTrue();
        container.AllowPrivilegeEscalation.Should().BeFalse();
        container.Capabilities.Drop.Should().Equal("ALL");
        container.SeccompProfile.Type.Should().Be("RuntimeDefault");
    }

    [Test]
    public void Apply_ForLibvirt_KeepsTheImagesSecuritySettings()
    {
        var agent = TestAgents.Agent();
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        deployment.Spec.Template.Spec.SecurityContext.Should().BeEquivalentTo(new V1PodSecurityContext());
        deployment.Spec.Template.Spec.Containers[0].SecurityContext.Should().BeNull();
    }

    [Test]
    public void Apply_NeverCopiesTheNovaAgentsOwnLabelsOrAnnotations()
    {
        var agent = TestAgents.Agent();
        var deployment = DeploymentRendering.Skeleton(agent);

        DeploymentRendering.Apply(deployment, agent, Hash);

        deployment.Metadata.Labels.Should().NotContainKey("team");
        deployment.Spec.Template.Metadata.Labels.Should().NotContainKey("team");
        deployment.Spec.Template.Metadata.Annotations.Should().NotContainKey("note");
    }

    [Test]
    public void Apply_ToALiveDeployment_KeepsServerDefaultsAndOthersLabels_AndUndoesHandEdits()
    {
        var agent = TestAgents.Agent();
        var live = DeploymentRendering.Skeleton(agent);
        DeploymentRendering.Apply(live, agent, Hash);
        live.Metadata.Labels["owner-team"] = "compute";
        live.Spec.Replicas = 3;
        live.Spec.ProgressDeadlineSeconds = 600;
        live.Spec.Template.Spec.DnsPolicy = "ClusterFirst";
        live.Spec.Template.Metadata.Annotations["kubectl.kubernetes.io/restartedAt"] = "2026-01-01T00:00:00Z";
        var container = live.Spec.Template.Spec.Containers[0];
        container.ImagePullPolicy = "IfNotPresent";
        container.TerminationMessagePath = "/dev/termination-log";
        container.Env = [new V1EnvVar { Name = "DEBUG", Value = "1" }];
        live.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "busybox" });

        DeploymentRendering.Apply(live, agent, Hash);

        live.Metadata.Labels.Should().Contain("owner-team", "compute");
        live.Spec.Replicas.Should().Be(1);
        live.Spec.ProgressDeadlineSeconds.Should().Be(600);
        live.Spec.Template.Spec.DnsPolicy.Should().Be("ClusterFirst");
        live.Spec.Template.Metadata.Annotations.Should().ContainKey("kubectl.kubernetes.io/restartedAt");
        var rendered = live.Spec.Template.Spec.Containers.Should().ContainSingle().Subject;
        rendered.ImagePullPolicy.Should().Be("IfNotPresent");
        rendered.TerminationMessagePath.Should().Be("/dev/termination-log");
        rendered.Env.Should().BeNull();
    }

    [Test]
    public void Apply_WhenAnotherObjectControlsTheDeployment_Throws()
    {
        var agent = TestAgents.Agent();
        var deployment = DeploymentRendering.Skeleton(agent);
        deployment.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "x", Uid = "other", Controller = true }];

        var apply = () => DeploymentRendering.Apply(deployment, agent, Hash);

        apply.Should().Throw<AlreadyControlledException>();
    }

    private static Dictionary<string, string> ExpectedLabels() => new()
    {
        ["app.kubernetes.io/name"] = "nova-compute",
        ["app.kubernetes.io/instance"] = TestAgents.Host,
        ["app.kubernetes.io/managed-by"] = "nova-agent",
        ["app.kubernetes.io/part-of"] = "openstack",
        ["openstack.operators.dev/building-block"] = "bb091",
        ["openstack.operators.dev/host"] = TestAgents.Host,
        ["topology.kubernetes.io/zone"] = "qa-de-1a",
    };
}
