using FluentAssertions;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Status;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Status;

public sealed class AgentEventsTests
{
    private const string Hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string OldHash = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    [Test]
    public void ForConfigMap_Created_AndChanged_AndUnchanged()
    {
        AgentEvents.ForConfigMap(OperationResult.Created, "cm", null, Hash).Should().ContainSingle().Which.Reason.Should().Be("ConfigMapCreated");
        AgentEvents.ForConfigMap(OperationResult.Patched, "cm", OldHash, Hash).Should().ContainSingle().Which.Message
            .Should().Be("configuration in ConfigMap cm changed from sha256:222222222222 to sha256:111111111111");
        AgentEvents.ForConfigMap(OperationResult.Patched, "cm", Hash, Hash).Should().BeEmpty("only labels or owner references were restored");
        AgentEvents.ForConfigMap(OperationResult.Unchanged, "cm", Hash, Hash).Should().BeEmpty();
    }

    [Test]
    public void ForDeployment_WhenThePodTemplateChanged_SaysWhat()
    {
        var before = TestAgents.Deployment(OldHash);
        var after = TestAgents.Deployment(Hash);

        var events = AgentEvents.ForDeployment(OperationResult.Patched, before, after, templateChanged: true);

        events.Should().ContainSingle().Which.Should().Be(new AgentEvent(
            "Normal", "RolloutStarted", "rolling out Deployment nova-compute-node001-bb091: config sha256:222222222222 -> sha256:111111111111"));
    }

    [Test]
    public void ForDeployment_WhenOnlyReplicasChanged_RecordsNothing()
    {
        AgentEvents.ForDeployment(OperationResult.Patched, TestAgents.Deployment(Hash), TestAgents.Deployment(Hash, specReplicas: 0), templateChanged: false)
            .Should().BeEmpty();
    }

    [Test]
    public void ForDeployment_WhenCreated_RecordsDeploymentCreated()
    {
        AgentEvents.ForDeployment(OperationResult.Created, null, TestAgents.Deployment(Hash), templateChanged: false)
            .Should().ContainSingle().Which.Reason.Should().Be("DeploymentCreated");
    }

    [Test]
    public void ForConditions_InSteadyState_RecordsNothing()
    {
        var status = Status(("Ready", "True", "Available", "ok"), ("InService", "True", "Enabled", "in service"));

        AgentEvents.ForConditions(status, Status(("Ready", "True", "Available", "ok"), ("InService", "True", "Enabled", "in service"))).Should().BeEmpty();
    }

    [Test]
    public void ForConditions_ThroughAMaintenanceCycle_RecordsStartOutOfServiceAndBack()
    {
        var enabled = Status(("Ready", "True", "Available", "ok"), ("InService", "True", "Enabled", "in service"));
        var stopping = Status(("Ready", "False", "OutOfService", "m"), ("InService", "True", "Stopping", "stopping"));
        var maintenance = Status(("Ready", "False", "OutOfService", "m"), ("InService", "False", "Maintenance", "out of service for maintenance: CHG1"));
        var back = Status(("Ready", "False", "Progressing", "p"), ("InService", "True", "Enabled", "in service"));

        AgentEvents.ForConditions(enabled, stopping).Select(e => e.Reason).Should().Equal("MaintenanceStarted");
        AgentEvents.ForConditions(stopping, maintenance).Select(e => e.Reason).Should().Equal("OutOfService");
        AgentEvents.ForConditions(maintenance, back).Select(e => e.Reason).Should().Equal("BackInService");
        AgentEvents.ForConditions(enabled, maintenance).Select(e => e.Reason).Should().Equal("MaintenanceStarted", "OutOfService");
    }

    [TestCase("OwnershipConflict")]
    [TestCase("InvalidSpec")]
    public void ForConditions_WhenBlocked_WarnsOnceForEachMessage(string reason)
    {
        var ok = Status(("Ready", "True", "Available", "ok"));
        var blocked = Status(("Ready", "False", reason, "first"));
        var other = Status(("Ready", "False", reason, "second"));

        AgentEvents.ForConditions(ok, blocked).Should().ContainSingle().Which.Should().Be(new AgentEvent("Warning", reason, "first"));
        AgentEvents.ForConditions(blocked, blocked).Should().BeEmpty();
        AgentEvents.ForConditions(blocked, other).Should().ContainSingle().Which.Message.Should().Be("second");
    }

    [Test]
    public void ForConditions_WhenARolloutFinishes_RecordsRolloutCompleted()
    {
        AgentEvents.ForConditions(Status(("Ready", "False", "Progressing", "p")), Status(("Ready", "True", "Available", "done")))
            .Should().ContainSingle().Which.Should().Be(new AgentEvent("Normal", "RolloutCompleted", "done"));
    }

    private static NovaAgentStatus Status(params (string Type, string Status, string Reason, string Message)[] conditions) => new()
    {
        DeploymentName = "nova-compute-node001-bb091",
        Conditions = [.. conditions.Select(c => new V1Condition { Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message })],
    };
}
