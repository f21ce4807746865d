using FluentAssertions;
using k8s.Models;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Status;

namespace Operators.NovaAgent.Tests.Status;

public sealed class AgentStatusProgressTests
{
    private static readonly DateTime Then = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Test]
    public void OnlyCountsAndTheMessageChanged_IsProgress()
    {
        var next = Rolling(updated: 1, message: "rolling out: 1/1 updated, waiting for it to become ready");

        AgentStatusProgress.IsProgressOnly(Rolling(updated: 0, message: "rolling out: 0/1 updated"), next).Should().BeTrue();
    }

    [Test]
    public void AFirstStatus_IsNews() =>
        AgentStatusProgress.IsProgressOnly(null, Rolling(updated: 0, message: "rolling out")).Should().BeFalse();

    [Test]
    public void AReadyReasonChange_IsNews()
    {
        var available = Rolling(updated: 1, message: "available");
        available.Conditions![0].Status = "True";
        available.Conditions[0].Reason = NovaAgentConditions.Available;

        AgentStatusProgress.IsProgressOnly(Rolling(updated: 1, message: "rolling out"), available).Should().BeFalse();
    }

    [TestCase("generation")]
    [TestCase("hash")]
    [TestCase("deployment")]
    [TestCase("configmap")]
    [TestCase("transition")]
    public void AnyOtherFieldChange_IsNews(string field)
    {
        var next = Rolling(updated: 1, message: "rolling out");
        switch (field)
        {
            case "generation": next.ObservedGeneration = 4; break;
            case "hash": next.ConfigHash = "sha256:2222"; break;
            case "deployment": next.DeploymentName = "nova-compute-other"; break;
            case "configmap": next.ConfigMapName = "nova-compute-other"; break;
            default: next.Conditions![1].LastTransitionTime = Then.AddMinutes(1); break;
        }

        AgentStatusProgress.IsProgressOnly(Rolling(updated: 0, message: "rolling out"), next).Should().BeFalse();
    }

    private static NovaAgentStatus Rolling(int updated, string message) => new()
    {
        ObservedGeneration = 3,
        ConfigHash = "sha256:1111",
        ConfigMapName = "nova-compute-node001-bb091",
        DeploymentName = "nova-compute-node001-bb091",
        Replicas = updated,
        UpdatedReplicas = updated,
        ReadyReplicas = 0,
        Conditions =
        [
            new V1Condition { Type = NovaAgentConditions.Ready, Status = "False", Reason = NovaAgentConditions.Progressing, Message = message, ObservedGeneration = 3, LastTransitionTime = Then },
            new V1Condition { Type = NovaAgentConditions.InService, Status = "True", Reason = NovaAgentConditions.Enabled, Message = "in service", ObservedGeneration = 3, LastTransitionTime = Then },
        ],
    };
}
