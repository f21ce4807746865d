using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Status;
using Operators.NovaAgent.Tests.Support;

namespace Operators.NovaAgent.Tests.Status;

public sealed class AgentStatusBuilderTests
{
    private const string Hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void StartTheClock() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 500, TimeSpan.Zero));

    [Test]
    public void Build_FirstTime_FillsEveryFieldAndStampsBothConditionsInWholeSeconds()
    {
        var agent = TestAgents.Agent();
        var deployment = TestAgents.Deployment(Hash);

        var status = AgentStatusBuilder.Build(agent, AgentObservation.Rendered(deployment, "nova-compute-node001-bb091", Hash), _time.GetUtcNow());

        status.ObservedGeneration.Should().Be(3);
        status.ConfigHash.Should().Be(Hash);
        status.ConfigMapName.Should().Be("nova-compute-node001-bb091");
        status.DeploymentName.Should().Be("nova-compute-node001-bb091");
        (status.Replicas, status.ReadyReplicas, status.UpdatedReplicas).Should().Be((1, 1, 1));
        status.Conditions.Should().HaveCount(2);
        status.Conditions.Should().OnlyContain(c => c.ObservedGeneration == 3 && c.LastTransitionTime == new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        status.Conditions!.Select(c => (c.Type, c.Status, c.Reason)).Should().Equal(("Ready", "True", "Available"), ("InService", "True", "Enabled"));
    }

    [Test]
    public void Build_WhenNothingChanged_GivesAnEqualStatus()
    {
        var agent = TestAgents.Agent();
        var observation = AgentObservation.Rendered(TestAgents.Deployment(Hash), "nova-compute-node001-bb091", Hash);
        agent.Status = AgentStatusBuilder.Build(agent, observation, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(5));

        var again = AgentStatusBuilder.Build(agent, observation, _time.GetUtcNow());

        again.Should().BeEquivalentTo(agent.Status);
    }

    [Test]
    public void Build_WhenReadyFlips_MovesOnlyItsTransitionTime_AndLeavesTheOldStatusAlone()
    {
        var agent = TestAgents.Agent();
        var start = _time.GetUtcNow();
        agent.Status = AgentStatusBuilder.Build(agent, AgentObservation.Rendered(TestAgents.Deployment(Hash), "nova-compute-node001-bb091", Hash), start);
        _time.Advance(TimeSpan.FromMinutes(5));

        var status = AgentStatusBuilder.Build(
            agent, AgentObservation.Rendered(TestAgents.Deployment(Hash, ready: 0), "nova-compute-node001-bb091", Hash), _time.GetUtcNow());

        var ready = status.Conditions!.Single(c => c.Type == NovaAgentConditions.Ready);
        ready.Reason.Should().Be(NovaAgentConditions.Unavailable);
        ready.LastTransitionTime.Should().Be(new DateTime(2026, 3, 1, 12, 5, 0, DateTimeKind.Utc));
        status.Conditions!.Single(c => c.Type == NovaAgentConditions.InService).LastTransitionTime.Should().Be(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        agent.Status.Conditions!.Single(c => c.Type == NovaAgentConditions.Ready).Reason.Should().Be(NovaAgentConditions.Available);
    }

    [Test]
    public void Build_WhenBlocked_KeepsWhatWasRenderedBefore()
    {
        var agent = TestAgents.Agent();
        agent.Status = AgentStatusBuilder.Build(agent, AgentObservation.Rendered(TestAgents.Deployment(Hash), "nova-compute-node001-bb091", Hash), _time.GetUtcNow());

        var status = AgentStatusBuilder.Build(agent, AgentObservation.Blocked(NovaAgentConditions.InvalidSpec, "spec.host is immutable", null), _time.GetUtcNow());

        status.ConfigHash.Should().Be(Hash);
        status.DeploymentName.Should().Be("nova-compute-node001-bb091");
        status.Replicas.Should().Be(0);
        status.Conditions!.Single(c => c.Type == NovaAgentConditions.Ready).Message.Should().Be("spec.host is immutable");
    }
}
