using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary><c>spec.maintenance</c> scales the agent to 0 and back, without touching its configuration.</summary>
public sealed class MaintenanceTests : OperatorTestBase
{
    private const string EnterMaintenance = """{"spec":{"maintenance":{"reason":"CHG0123456 BIOS update"}}}""";

    [Test]
    public async Task EnteringMaintenance_ScalesToZero_AndFlipsInServiceThroughStoppingToMaintenance()
    {
        await CreateAgentAsync();
        var available = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reasons = RecordInServiceReasonsAsync(available.Metadata.ResourceVersion, timeout.Token);

        await PatchAgentAsync(EnterMaintenance);

        (await reasons).Should().Equal(NovaAgentConditions.Enabled, NovaAgentConditions.Stopping, NovaAgentConditions.Maintenance);
        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.OutOfService);
        var inService = Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.InService)!;
        inService.Status.Should().Be("False");
        inService.Message.Should().Contain("CHG0123456 BIOS update");
        agent.Status.Replicas.Should().Be(0);
        (await FindDeploymentAsync())!.Spec.Replicas.Should().Be(0);
        (await WaitForEventAsync("MaintenanceStarted")).Note.Should().Contain("CHG0123456 BIOS update");
        (await WaitForEventAsync("OutOfService")).Note.Should().Contain("CHG0123456 BIOS update");
    }

    [Test]
    public async Task LeavingMaintenance_RestoresOneReplica_WithoutAConfigRoll()
    {
        await CreateAgentAsync(s => s.Maintenance = new() { Reason = "CHG0123456 BIOS update" });
        var inMaintenance = await WaitForReadyReasonAsync(NovaAgentConditions.OutOfService);
        await Eventually.HoldsAsync(
            async () => Conditions.Find((await GetAgentAsync()).Status?.Conditions, NovaAgentConditions.InService)?.Reason == NovaAgentConditions.Maintenance,
            "the agent is out of service");
        var before = (await FindDeploymentAsync())!;
        var configMapBefore = (await FindConfigMapAsync())!;
        before.Spec.Replicas.Should().Be(0);

        await PatchAgentAsync("""{"spec":{"maintenance":null}}""");

        var agent = await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        Conditions.Find(agent.Status!.Conditions, NovaAgentConditions.InService)!.Reason.Should().Be(NovaAgentConditions.Enabled);
        agent.Status.ConfigHash.Should().Be(inMaintenance.Status!.ConfigHash);
        var after = (await FindDeploymentAsync())!;
        after.Spec.Replicas.Should().Be(1);
        after.Spec.Template.Should().BeEquivalentTo(before.Spec.Template, "only the replica count changes: no config roll");
        (await FindConfigMapAsync())!.Metadata.ResourceVersion.Should().Be(configMapBefore.Metadata.ResourceVersion);
        (await WaitForEventAsync("BackInService")).Type.Should().Be("Normal");
    }

    /// <summary>The distinct successive InService reasons of the NovaAgent after <paramref name="resourceVersion"/>, until Maintenance.</summary>
    private async Task<List<string>> RecordInServiceReasonsAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        await foreach (var change in Api.For<V1Alpha1NovaAgent>().WatchAsync(Namespace, new WatchOptions { ResourceVersion = resourceVersion }, cancellationToken))
        {
            if (Conditions.Find(change.Object.Status?.Conditions, NovaAgentConditions.InService)?.Reason is not { } reason)
            {
                continue;
            }

            if (reasons.Count == 0 || reasons[^1] != reason)
            {
                reasons.Add(reason);
            }

            if (reason == NovaAgentConditions.Maintenance)
            {
                break;
            }
        }

        return reasons;
    }
}
