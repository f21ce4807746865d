using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>A rollout that does not finish: its progress, held back by <c>--status-progress-interval</c>, is written once the interval has passed.</summary>
public sealed class StalledRolloutProgressTests : OperatorTestBase
{
    /// <summary>Deployments never become ready within a test.</summary>
    protected override TimeSpan DeploymentReadyDelay => TimeSpan.FromHours(1);

    [Test]
    public async Task HeldBackProgress_IsWrittenAfterTheInterval()
    {
        await RestartOperatorAsync(flags: ["--status-progress-interval", "1s"]);

        await CreateAgentAsync();
        await WaitForDeploymentAsync(d => d.Status?.UpdatedReplicas == 1, "the simulator reports the Deployment updated, not ready");

        var agent = await Eventually.GetAsync(
            async () => await GetAgentAsync() is { Status.UpdatedReplicas: 1 } a ? a : null,
            "the agent's status reports the updated replica");
        var ready = Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.Ready)!;
        ready.Reason.Should().Be(NovaAgentConditions.Progressing);
        ready.Message.Should().Contain("1/1 updated");
        agent.Status.ReadyReplicas.Should().Be(0);
    }
}
