using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.NovaAgent.Validation;

namespace Operators.NovaAgent.Tests.Validation;

public sealed class SpecChecksTests
{
    [Test]
    public void PreviousHost_WhenEverythingMatchesTheSpec_IsNull()
    {
        var spec = TestAgents.Agent().Spec;
        var status = new NovaAgentStatus { DeploymentName = "nova-compute-node001-bb091", ConfigMapName = "nova-compute-node001-bb091" };

        SpecChecks.PreviousHost(spec, status, ["nova-compute-node001-bb091"]).Should().BeNull();
    }

    [Test]
    public void PreviousHost_ReadsTheStatus()
    {
        var spec = TestAgents.Agent(s => s.Host = "node002-bb091").Spec;

        SpecChecks.PreviousHost(spec, new NovaAgentStatus { DeploymentName = "nova-compute-node001-bb091" }, []).Should().Be("node001-bb091");
    }

    [Test]
    public void PreviousHost_ReadsTheControlledChildrenBeforeAnyStatusWasWritten()
    {
        var spec = TestAgents.Agent(s => s.Host = "node002-bb091").Spec;

        SpecChecks.PreviousHost(spec, null, ["nova-compute-node001-bb091"]).Should().Be("node001-bb091");
    }

    [Test]
    public void Check_WhenTheHostChanged_NamesSpecHost()
    {
        var problem = SpecChecks.Check(TestAgents.Agent(s => s.Host = "node002-bb091").Spec, "node001-bb091");

        problem.Should().NotBeNull();
        problem!.Field.Should().Be("spec.host");
        problem.Message.Should().StartWith("spec.host is immutable").And.Contain("node001-bb091").And.Contain("node002-bb091");
    }

    [Test]
    public void Check_AValidSpec_HasNoProblem()
    {
        SpecChecks.Check(TestAgents.Agent(s => s.NodeName = "node001").Spec, previousHost: null).Should().BeNull();
    }

    [Test]
    public void Check_WhenTheNodeSelectorContradictsThePin_NamesSpecNodeSelector()
    {
        var spec = TestAgents.Agent(s =>
        {
            s.NodeName = "node001";
            s.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node002" };
        }).Spec;

        SpecChecks.Check(spec, null)!.Field.Should().Be("spec.nodeSelector");
    }

    [Test]
    public void Check_WhenTheNodeSelectorAgreesWithThePin_HasNoProblem()
    {
        var spec = TestAgents.Agent(s =>
        {
            s.NodeName = "node001";
            s.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node001" };
        }).Spec;

        SpecChecks.Check(spec, null).Should().BeNull();
    }

    [TestCase("spec.buildingBlock")]
    [TestCase("spec.nodeName")]
    public void Check_WhenAValueCannotBeALabel_NamesTheField(string field)
    {
        var tooLong = new string('a', 64);
        var spec = TestAgents.Agent(s =>
        {
            if (field == "spec.buildingBlock")
            {
                s.BuildingBlock = tooLong;
            }
            else
            {
                s.NodeName = tooLong;
            }
        }).Spec;

        SpecChecks.Check(spec, null)!.Field.Should().Be(field);
    }
}
