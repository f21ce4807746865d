using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>
/// <c>--status-progress-interval</c>: a block's status is not rewritten for every agent that turns ready; counts
/// catch up after the interval, and a change of a condition's reason is written at once.
/// </summary>
public sealed class ProgressStatusWritesTests : OperatorTestBase
{
    private static readonly string[] Hosts = ["node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091"];

    [Test]
    public async Task AgentsTurningReadyWithinTheInterval_CostOneStatusWrite_TheBlockTurningReady()
    {
        await RestartOperatorAsync(flags: ["--status-progress-interval", "5m"]);
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(Hosts);
        await WaitForBlockAsync(b => b.Status?.Agents?.Count == 4, "the first status lists the 4 agents");
        var writesBefore = StatusWrites;

        for (var i = 0; i < 3; i++)
        {
            await SetAgentStatusAsync(Hosts[i], ready: true, inService: true);
            var ready = i + 1;
            await Eventually.HoldsAsync(() => Operator.AgentGauge(Ns, "bb091", "ready") == ready, $"the operator has counted {ready} ready agents");
        }

        // Reconciles of one block never overlap, so the reconciles that counted 1 and 2 have ended: without the throttle they wrote.
        StatusWrites.Should().Be(writesBefore, "counting more ready agents while the block stays not ready is progress, held back for 5 minutes");
        (await GetBlockAsync()).Status!.ReadyAgents.Should().Be(0);

        await SetAgentStatusAsync(Hosts[3], ready: true, inService: true);

        var block = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AllAgentsReady);
        block.Status!.ReadyAgents.Should().Be(4);
        StatusWrites.Should().Be(writesBefore + 1, "the block turning ready is news, written at once");
    }

    [Test]
    public async Task ProgressHeldBack_IsWrittenWhenTheIntervalEnds_WithoutAnotherChange()
    {
        await RestartOperatorAsync(flags: ["--status-progress-interval", "2s"]);
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(Hosts);
        await WaitForBlockAsync(b => b.Status?.Agents?.Count == 4, "the first status lists the 4 agents");

        await SetAgentStatusAsync(Hosts[0], ready: true, inService: true);

        var block = await WaitForBlockAsync(b => b.Status?.ReadyAgents == 1, "the count catches up after the interval");
        Conditions.Find(block.Status!.Conditions, BuildingBlockConditions.Ready)!.Message.Should().StartWith("1/4 agents ready");
    }

    private long StatusWrites => Server.Requests.Get("update", "buildingblocks/status") + Server.Requests.Get("patch", "buildingblocks/status");
}
