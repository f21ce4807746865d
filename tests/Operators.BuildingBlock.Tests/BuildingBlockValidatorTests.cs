using FluentAssertions;
using Operators.Api;
using Operators.Api.BuildingBlocks;

namespace Operators.BuildingBlock.Tests;

public sealed class BuildingBlockValidatorTests
{
    [Test]
    public void Validate_TheSampleBlock_FindsNothing()
    {
        BuildingBlockValidator.Validate(TestObjects.Block()).Should().BeEmpty();
    }

    [Test]
    public void Validate_ABlockWithoutHosts_FindsNothing()
    {
        var block = TestObjects.Block(hosts: 0);
        block.Spec.Hosts = null;

        BuildingBlockValidator.Validate(block).Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenAHostIsListedTwice_NamesTheSecondEntry()
    {
        var block = TestObjects.Block();
        block.Spec.Hosts!.Insert(2, new BuildingBlockHost { Name = "node001-bb091" });

        BuildingBlockValidator.Validate(block).Should().Equal("spec.hosts[2].name: duplicate host \"node001-bb091\"");
    }

    [Test]
    public void Validate_WhenTwoLibvirtHostsShareANode_NamesTheField()
    {
        var block = TestObjects.Block(hosts: 3);
        block.Spec.Hosts![2].NodeName = "node001-bb091";

        BuildingBlockValidator.Validate(block).Should().Equal(
            "spec.hosts[2].nodeName: node \"node001-bb091\" already runs host \"node001-bb091\"; the libvirt driver runs one agent per node");
    }

    [Test]
    public void Validate_WhenAHostNameIsAnotherHostsNode_NamesTheNameField()
    {
        var block = TestObjects.Block(hosts: 2);
        block.Spec.Hosts![0].NodeName = "node002-bb091";

        BuildingBlockValidator.Validate(block).Should().ContainSingle().Which.Should().StartWith("spec.hosts[1].name: node \"node002-bb091\" already runs host \"node001-bb091\"");
    }

    [Test]
    public void Validate_WhenVMwareHostsShareANode_FindsNothing()
    {
        var block = TestObjects.Block(hosts: 2);
        block.Spec.AgentTemplate.ComputeDriver = ComputeDrivers.VMware;
        block.Spec.Hosts![0].NodeName = "worker-1";
        block.Spec.Hosts[1].NodeName = "worker-1";

        BuildingBlockValidator.Validate(block).Should().BeEmpty();
    }

    [Test]
    public void Validate_ANameLongerThanALabelValue_NamesMetadataName()
    {
        var block = TestObjects.Block(name: new string('b', 64), hosts: 0);
        block.Spec.Hosts!.Add(new BuildingBlockHost { Name = "node001" });

        BuildingBlockValidator.Validate(block).Should().ContainSingle().Which.Should().StartWith($"metadata.name: \"{new string('b', 64)}\" is 64 characters;");
    }

    [TestCase("Node_1")]
    [TestCase("")]
    [TestCase("-node")]
    public void Validate_AHostNameThatCannotNameAnAgent_NamesTheField(string name)
    {
        var block = TestObjects.Block(hosts: 2);
        block.Spec.Hosts![1].Name = name;

        BuildingBlockValidator.Validate(block).Should().ContainSingle().Which.Should().StartWith($"spec.hosts[1].name: \"{name}\" is not a DNS-1123 label");
    }

    [Test]
    public void Validate_AnInvalidZone_NamesTheField()
    {
        var block = TestObjects.Block(zone: "QA_DE_1A");

        BuildingBlockValidator.Validate(block).Should().ContainSingle().Which.Should().StartWith("spec.availabilityZone: \"QA_DE_1A\"");
    }

    [Test]
    public void Validate_ReportsEveryProblemInFieldOrder()
    {
        var block = TestObjects.Block(hosts: 3);
        block.Spec.Hosts![1].Name = "node001-bb091";
        block.Spec.Hosts.Add(new BuildingBlockHost { Name = "node003-bb091" });

        BuildingBlockValidator.Validate(block).Should().Equal(
            "spec.hosts[1].name: duplicate host \"node001-bb091\"",
            "spec.hosts[3].name: duplicate host \"node003-bb091\"");
    }
}
