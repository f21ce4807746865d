using FluentAssertions;
using k8s.Models;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;
using Operators.Runtime.Events;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>A NovaAgent named like a host but not controlled by the block is reported and never touched.</summary>
public sealed class HostConflictTests : OperatorTestBase
{
    [Test]
    public async Task Reconcile_WhenAForeignAgentHasAHostsName_ReportsHostConflict_LeavesItAlone_AndResolvesOnceItIsDeleted()
    {
        var foreign = await Agents.CreateAsync(new V1Alpha1NovaAgent
        {
            Metadata = new V1ObjectMeta { Name = "node002-bb091", NamespaceProperty = Ns, Labels = new Dictionary<string, string> { ["team"] = "legacy" } },
            Spec = new NovaAgentSpec { Host = "node002-bb091", AvailabilityZone = "legacy-zone", Image = "legacy:1" },
        });

        await CreateBlockAsync(TestObjects.Block());

        var block = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.HostConflict);
        Conditions.Find(block.Status!.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be(
            "1 host conflicts, left untouched: NovaAgent node002-bb091 exists without a controller");
        await WaitForAgentsAsync("node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091");
        var untouched = await Agents.GetAsync("node002-bb091", Ns);
        untouched.Metadata.ResourceVersion.Should().Be(foreign.Metadata.ResourceVersion, "the foreign agent is never written");
        untouched.Metadata.OwnerReferences.Should().BeNullOrEmpty();
        block.Status.Agents!.Select(a => a.Name).Should().NotContain("node002-bb091");
        var warning = (await WaitForEventsAsync(EventReasons.HostConflict)).Should().ContainSingle().Subject;
        warning.Type.Should().Be(EventType.Warning);
        warning.Note.Should().Contain("NovaAgent node002-bb091");

        await Agents.DeleteAsync("node002-bb091", Ns);

        var resolved = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AgentsNotReady);
        resolved.Status!.Agents!.Select(a => a.Name).Should().Contain("node002-bb091");
        OwnerReferences.IsControlledBy(await Agents.GetAsync("node002-bb091", Ns), resolved).Should().BeTrue();
    }

    [Test]
    public async Task Reconcile_WhenAnotherBlockHoldsTheHost_ConflictsUntilThatBlockLetsItGo()
    {
        var first = TestObjects.Block("bb090", hosts: 0);
        first.Spec.Hosts!.Add(new BuildingBlockHost { Name = "shared-host" });
        await CreateBlockAsync(first);
        await WaitForAgentsAsync("shared-host");
        var second = TestObjects.Block(hosts: 1);
        second.Spec.Hosts!.Add(new BuildingBlockHost { Name = "shared-host" });
        await CreateBlockAsync(second);

        var conflicted = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.HostConflict);
        Conditions.Find(conflicted.Status!.Conditions, BuildingBlockConditions.Ready)!.Message.Should().Be(
            "1 host conflicts, left untouched: NovaAgent shared-host is controlled by BuildingBlock bb090");
        await WaitForAgentsAsync("node001-bb091", "shared-host");

        await Blocks.PatchAsync("bb090", ResourcePatch.Merge("""{"spec":{"hosts":[]}}"""), Ns);

        var taken = await WaitForBlockAsync(b => b.Status?.Agents?.Any(a => a.Name == "shared-host") == true, "bb091 took the host over");
        Conditions.Find(taken.Status!.Conditions, BuildingBlockConditions.Ready)!.Reason.Should().Be(BuildingBlockConditions.AgentsNotReady);
        OwnerReferences.IsControlledBy(await Agents.GetAsync("shared-host", Ns), taken).Should().BeTrue();
        (await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.NoHosts, "bb090")).Should().NotBeNull();
    }
}
