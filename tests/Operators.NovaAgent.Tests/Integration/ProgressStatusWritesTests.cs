using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>
/// <c>--status-progress-interval</c>: a status change that only reports the rollout's progress (replica counts,
/// the Ready message) is not written at once; a change of a condition's reason is.
/// </summary>
public sealed class ProgressStatusWritesTests : OperatorTestBase
{
    [Test]
    public async Task ARollout_IsWrittenAsProgressingThenAvailable_WithoutTheCountsInBetween()
    {
        await RestartOperatorAsync(flags: ["--status-progress-interval", "5m"]);
        Server.Requests.Reset();

        await CreateAgentAsync();
        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        await WaitForEventAsync("RolloutCompleted");

        Server.Requests.Get("update", "novaagents/status").Should().Be(
            2, "the first status (Progressing) and Available are news; the Deployment's first counts in between only report progress");
        agent.Status!.ReadyReplicas.Should().Be(1, "the write that says Available carries the counts");
        agent.Status.UpdatedReplicas.Should().Be(1);
    }
}
