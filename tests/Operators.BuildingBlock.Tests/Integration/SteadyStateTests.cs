using FluentAssertions;
using Operators.Api.BuildingBlocks;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>Once converged, neither a resync nor a restart of the operator writes anything.</summary>
public sealed class SteadyStateTests : OperatorTestBase
{
    private static readonly string[] Hosts = ["node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091"];
    private static readonly TimeSpan FastResync = TimeSpan.FromMilliseconds(100);

    [Test]
    public async Task Resync_AfterConvergence_SendsNoRequestForBlocksOrAgents()
    {
        await RestartOperatorAsync(FastResync);
        await ConvergeAsync();
        Server.Requests.Reset();
        var before = await Operator.SuccessfulReconcilesAsync();

        await Eventually.HoldsAsync(async () => await Operator.SuccessfulReconcilesAsync() >= before + 10, "ten more reconciles ran (resyncs)");

        RequestsForBlocksAndAgents().Should().BeEmpty("a converged block costs no request at all, not even a read");
    }

    [Test]
    public async Task Restart_AfterConvergence_WritesNothing()
    {
        await ConvergeAsync();
        await Operator.StopAsync();
        Server.Requests.Reset();

        await RestartOperatorAsync(FastResync);

        await Eventually.HoldsAsync(async () => await Operator.SuccessfulReconcilesAsync() >= 10, "the new operator reconciled the block (and resynced)");
        RequestsForBlocksAndAgents().Should().OnlyContain(
            entry => entry.StartsWith("list ", StringComparison.Ordinal) || entry.StartsWith("watch ", StringComparison.Ordinal),
            "a restart only lists and watches");
    }

    /// <summary>A block in maintenance with every agent out of service, and its status written.</summary>
    private async Task ConvergeAsync()
    {
        var block = TestObjects.Block();
        block.Spec.Maintenance = TestObjects.Maintenance();
        await CreateBlockAsync(block);
        await WaitForAgentsAsync(Hosts);
        foreach (var host in Hosts)
        {
            await SetAgentStatusAsync(host, ready: false, inService: false);
        }

        await WaitForReasonAsync(BuildingBlockConditions.Maintenance, BuildingBlockConditions.InMaintenance);
    }

    private List<string> RequestsForBlocksAndAgents() =>
        [.. Server.Requests.Snapshot().Where(p => p.Value > 0).Select(p => p.Key)
            .Where(k => k.Split(' ')[1].StartsWith("buildingblocks", StringComparison.Ordinal) || k.Split(' ')[1].StartsWith("novaagents", StringComparison.Ordinal))];
}
