using FluentAssertions;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests;

public sealed class DesiredAgentTests
{
    [Test]
    public void Apply_ToANewAgent_SetsLabelsControllerReferenceAndTheTemplatePlusHost()
    {
        var block = TestObjects.Block().Stored();
        block.Spec.AgentTemplate.CustomServiceConfig = "[DEFAULT]\ncpu_allocation_ratio = 4.0\n";
        block.Spec.AgentTemplate.NodeSelector = new Dictionary<string, string> { ["node-role"] = "compute" };
        var host = block.Spec.Hosts![1];
        var agent = DesiredAgent.New(block, host);

        DesiredAgent.Apply(block, host, agent);

        agent.Metadata.Name.Should().Be("node002-bb091");
        agent.Metadata.NamespaceProperty.Should().Be("openstack");
        agent.Metadata.Labels.Should().Equal(new Dictionary<string, string>
        {
            ["app.kubernetes.io/managed-by"] = "building-block",
            ["app.kubernetes.io/part-of"] = "openstack",
            ["openstack.operators.dev/building-block"] = "bb091",
            ["openstack.operators.dev/host"] = "node002-bb091",
            ["topology.kubernetes.io/zone"] = "qa-de-1a",
        });
        agent.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = "openstack.operators.dev/v1alpha1",
            Kind = "BuildingBlock",
            Name = "bb091",
            Uid = "uid-bb091",
            Controller = true,
            BlockOwnerDeletion = true,
        });
        agent.Spec.Host.Should().Be("node002-bb091");
        agent.Spec.BuildingBlock.Should().Be("bb091");
        agent.Spec.AvailabilityZone.Should().Be("qa-de-1a");
        agent.Spec.Image.Should().Be(TestObjects.Image);
        agent.Spec.ComputeDriver.Should().Be(ComputeDrivers.Libvirt, "the schema's default is written out");
        agent.Spec.GracefulShutdownSeconds.Should().Be(300, "the schema's default is written out");
        agent.Spec.NodeName.Should().Be("node002-bb091", "a libvirt host without nodeName is pinned to the node of its name");
        agent.Spec.CustomServiceConfig.Should().Be("[DEFAULT]\ncpu_allocation_ratio = 4.0\n");
        agent.Spec.NodeSelector.Should().Equal(new Dictionary<string, string> { ["node-role"] = "compute" });
        agent.Spec.Maintenance.Should().BeNull();
    }

    [Test]
    public void Apply_ToALiveAgent_KeepsOthersLabelsAndRevertsHandEditsOfTheSpec()
    {
        var block = TestObjects.Block().Stored();
        var host = block.Spec.Hosts![0];
        var agent = DesiredAgent.New(block, host);
        DesiredAgent.Apply(block, host, agent);
        agent.Metadata.Labels["team"] = "compute";
        agent.Metadata.Labels["topology.kubernetes.io/zone"] = "elsewhere";
        agent.Spec.Image = "hand-edited";

        DesiredAgent.Apply(block, host, agent);

        agent.Metadata.Labels.Should().Contain("team", "compute").And.Contain("topology.kubernetes.io/zone", "qa-de-1a");
        agent.Spec.Image.Should().Be(TestObjects.Image);
        agent.Metadata.OwnerReferences.Should().ContainSingle();
    }

    [Test]
    public void Apply_ToAnAgentOfAnotherController_Throws()
    {
        var block = TestObjects.Block().Stored();
        var other = TestObjects.Block("bb090").Stored();
        var agent = DesiredAgent.New(block, block.Spec.Hosts![0]);
        OwnerReferences.SetController(other, agent);

        var apply = () => DesiredAgent.Apply(block, block.Spec.Hosts[0], agent);

        apply.Should().Throw<AlreadyControlledException>();
    }

    [Test]
    public void Spec_InMaintenance_CopiesTheRequest()
    {
        var block = TestObjects.Block().Stored();
        block.Spec.Maintenance = TestObjects.Maintenance();

        var spec = DesiredAgent.Spec(block, block.Spec.Hosts![0]);

        spec.Maintenance.Should().NotBeNull();
        spec.Maintenance!.Reason.Should().Be("CHG0123456 BIOS update");
        spec.Maintenance.Should().NotBeSameAs(block.Spec.Maintenance);
    }

    [TestCase(null, null, "node001-bb091")]
    [TestCase(ComputeDrivers.Libvirt, null, "node001-bb091")]
    [TestCase(ComputeDrivers.Libvirt, "kvm-17", "kvm-17")]
    [TestCase(ComputeDrivers.VMware, null, null)]
    [TestCase(ComputeDrivers.Ironic, null, null)]
    [TestCase(ComputeDrivers.VMware, "worker-3", "worker-3")]
    public void NodeName_IsTheHostsNodeName_ElseTheHostNameOnlyForLibvirt(string? driver, string? nodeName, string? expected)
    {
        var host = new BuildingBlockHost { Name = "node001-bb091", NodeName = nodeName };

        DesiredAgent.NodeName(host, driver).Should().Be(expected);
    }
}
