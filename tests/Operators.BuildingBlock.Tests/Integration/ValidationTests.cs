using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Client;
using Operators.Runtime.Events;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>What the schema catches is a 422 naming the field; what it cannot catch is <c>Ready=False, InvalidSpec</c>.</summary>
public sealed class ValidationTests : OperatorTestBase
{
    [TestCase("duplicate host", "spec.hosts[2]")]
    [TestCase("bad zone", "spec.availabilityZone")]
    [TestCase("bad host name", "spec.hosts[0].name")]
    [TestCase("no image", "spec.agentTemplate.image")]
    [TestCase("empty maintenance reason", "spec.maintenance.reason")]
    [TestCase("unknown driver", "spec.agentTemplate.computeDriver")]
    public async Task Create_ABlockTheSchemaRejects_Is422NamingTheField(string problem, string field)
    {
        var block = TestObjects.Block();
        switch (problem)
        {
            case "duplicate host": block.Spec.Hosts![2].Name = "node001-bb091"; break;
            case "bad zone": block.Spec.AvailabilityZone = "QA_DE_1A"; break;
            case "bad host name": block.Spec.Hosts![0].Name = "Node_1"; break;
            case "no image": block.Spec.AgentTemplate.Image = ""; break;
            case "empty maintenance reason": block.Spec.Maintenance = TestObjects.Maintenance(""); break;
            default: block.Spec.AgentTemplate.ComputeDriver = "hyperv.HyperVDriver"; break;
        }

        var create = () => CreateBlockAsync(block);

        var error = (await create.Should().ThrowAsync<KubernetesApiException>()).Which;
        error.StatusCode.Should().Be(422);
        error.Status!.Details!.Causes.Should().Contain(c => c.Field == field);
        (await ListAgentsAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Reconcile_WhenTwoLibvirtHostsShareANode_IsInvalidSpec_TouchesNoAgent_AndRecoversWhenFixed()
    {
        var block = TestObjects.Block();
        block.Spec.Hosts![1].NodeName = "node001-bb091";
        await CreateBlockAsync(block);

        var invalid = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.InvalidSpec);

        Conditions.Find(invalid.Status!.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be(
            "spec.hosts[1].nodeName: node \"node001-bb091\" already runs host \"node001-bb091\"; the libvirt driver runs one agent per node");
        invalid.Status.ObservedGeneration.Should().Be(invalid.Metadata.Generation);
        var warning = (await WaitForEventsAsync(EventReasons.InvalidSpec)).Should().ContainSingle().Subject;
        warning.Type.Should().Be(EventType.Warning);
        warning.Note.Should().StartWith("spec.hosts[1].nodeName:");
        (await ListAgentsAsync()).Should().BeEmpty("nothing is created from an invalid spec");

        await Blocks.PatchAsync("bb091", ResourcePatch.Json("""[{"op":"remove","path":"/spec/hosts/1/nodeName"}]"""), Ns);

        await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AgentsNotReady);
        await WaitForAgentsAsync("node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091");
    }
}
