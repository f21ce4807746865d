using FluentAssertions;
using k8s.Models;
using Operators.Api;
using Operators.NovaAgent.Status;
using Operators.NovaAgent.Tests.Support;

namespace Operators.NovaAgent.Tests.Status;

public sealed class AgentConditionTableTests
{
    private const string Hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string OldHash = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly object[] ReadyTable =
    [
        new object[] { "available", TestAgents.Deployment(Hash), "True", "Available" },
        new object[] { "generation not yet observed", TestAgents.Deployment(Hash, generation: 3, observedGeneration: 2), "False", "Progressing" },
        new object[] { "status never written", TestAgents.Deployment(Hash, observedGeneration: null, replicas: null, updated: null, ready: null), "False", "Progressing" },
        new object[] { "old config on the pod template", TestAgents.Deployment(OldHash), "False", "Progressing" },
        new object[] { "no updated replica", TestAgents.Deployment(Hash, updated: 0, ready: 0), "False", "Progressing" },
        new object[] { "an old pod still running", TestAgents.Deployment(Hash, replicas: 2, updated: 1, ready: 1), "False", "Progressing" },
        new object[] { "new pod not ready yet", TestAgents.Deployment(Hash, ready: 0, progressing: "ReplicaSetUpdated"), "False", "Progressing" },
        new object[] { "rolled out, then not ready", TestAgents.Deployment(Hash, ready: 0), "False", "Unavailable" },
        new object[] { "progress deadline exceeded", TestAgents.Deployment(Hash, ready: 0, progressing: "ProgressDeadlineExceeded", progressingStatus: "False"), "False", "Unavailable" },
    ];

    [TestCaseSource(nameof(ReadyTable))]
    public void Ready_FollowsTheDeployment(string situation, V1Deployment deployment, string status, string reason)
    {
        var ready = AgentConditionTable.Ready(TestAgents.Agent().Spec, Rendered(deployment));

        ready.Status.Should().Be(status, situation);
        ready.Reason.Should().Be(reason, situation);
    }

    [Test]
    public void Ready_WhenAvailable_NamesTheDeploymentAndTheConfig()
    {
        AgentConditionTable.Ready(TestAgents.Agent().Spec, Rendered(TestAgents.Deployment(Hash))).Message
            .Should().Be("Deployment nova-compute-node001-bb091 is available with config sha256:111111111111");
    }

    [Test]
    public void Ready_WithoutDeployment_IsProgressing()
    {
        var ready = AgentConditionTable.Ready(TestAgents.Agent().Spec, new AgentObservation());

        ready.Should().Be(new ConditionValue("False", "Progressing", "Deployment nova-compute-node001-bb091 does not exist yet"));
    }

    [Test]
    public void Ready_InMaintenance_IsOutOfServiceEvenWhenTheDeploymentRuns()
    {
        var spec = TestAgents.Agent(s => s.Maintenance = new MaintenanceRequest { Reason = "CHG0123456" }).Spec;

        AgentConditionTable.Ready(spec, Rendered(TestAgents.Deployment(Hash)))
            .Should().Be(new ConditionValue("False", "OutOfService", "in maintenance: CHG0123456"));
    }

    [TestCase("OwnershipConflict")]
    [TestCase("InvalidSpec")]
    public void Ready_WhenBlocked_ReportsTheBlockerOverMaintenance(string reason)
    {
        var spec = TestAgents.Agent(s => s.Maintenance = new MaintenanceRequest { Reason = "CHG0123456" }).Spec;

        AgentConditionTable.Ready(spec, AgentObservation.Blocked(reason, "why", TestAgents.Deployment(Hash)))
            .Should().Be(new ConditionValue("False", reason, "why"));
    }

    [Test]
    public void InService_WithoutMaintenance_IsEnabled()
    {
        AgentConditionTable.InService(TestAgents.Agent().Spec, TestAgents.Deployment(Hash)).Should()
            .Be(new ConditionValue("True", "Enabled", "in service: no maintenance requested"));
    }

    [TestCase(1, 1, "True", "Stopping", TestName = "InService_InMaintenance_WhileTheDeploymentStillWantsAReplica_IsStopping")]
    [TestCase(0, 1, "True", "Stopping", TestName = "InService_InMaintenance_WhileAReplicaStillRuns_IsStopping")]
    [TestCase(0, 0, "False", "Maintenance", TestName = "InService_InMaintenance_WithNoReplicaLeft_IsMaintenance")]
    public void InService_InMaintenance_FollowsTheReplicas(int specReplicas, int statusReplicas, string status, string reason)
    {
        var spec = TestAgents.Agent(s => s.Maintenance = new MaintenanceRequest { Reason = "CHG0123456 BIOS update" }).Spec;

        var inService = AgentConditionTable.InService(spec, TestAgents.Deployment(Hash, specReplicas: specReplicas, replicas: statusReplicas));

        inService.Status.Should().Be(status);
        inService.Reason.Should().Be(reason);
        inService.Message.Should().Contain("CHG0123456 BIOS update");
    }

    [Test]
    public void InService_InMaintenance_WithoutDeployment_IsMaintenance()
    {
        var spec = TestAgents.Agent(s => s.Maintenance = new MaintenanceRequest { Reason = "CHG0123456" }).Spec;

        AgentConditionTable.InService(spec, null).Should()
            .Be(new ConditionValue("False", "Maintenance", "out of service for maintenance: CHG0123456"));
    }

    private static AgentObservation Rendered(V1Deployment deployment) => AgentObservation.Rendered(deployment, deployment.Metadata.Name, Hash);
}
