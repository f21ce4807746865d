using FluentAssertions;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;
using Operators.Runtime.Client;
using Operators.Runtime.Objects;

namespace Operators.BuildingBlock.Tests.Integration;

/// <summary>One NovaAgent per host: created, patched, pruned, recreated and collected with the block.</summary>
public sealed class AgentLifecycleTests : OperatorTestBase
{
    private static readonly string[] FourHosts = ["node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091"];

    [Test]
    public async Task Reconcile_ABlockOfFourHosts_CreatesFourAgentsWithSpecLabelsAndOwner()
    {
        var sample = TestObjects.Block();
        sample.Spec.AgentTemplate.CustomServiceConfig = "[DEFAULT]\ncpu_allocation_ratio = 4.0\n";
        sample.Spec.AgentTemplate.Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m") } };
        sample.Spec.Hosts![3].NodeName = "kvm-17";
        var block = await CreateBlockAsync(sample);

        var agents = await WaitForAgentsAsync(FourHosts);

        foreach (var agent in agents)
        {
            var host = agent.Metadata.Name;
            agent.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
            {
                ApiVersion = ApiGroup.ApiVersion,
                Kind = "BuildingBlock",
                Name = "bb091",
                Uid = block.Metadata.Uid,
                Controller = true,
                BlockOwnerDeletion = true,
            });
            agent.Metadata.Labels.Should().Equal(new Dictionary<string, string>
            {
                ["app.kubernetes.io/managed-by"] = "building-block",
                ["app.kubernetes.io/part-of"] = "openstack",
                ["openstack.operators.dev/building-block"] = "bb091",
                ["openstack.operators.dev/host"] = host,
                ["topology.kubernetes.io/zone"] = "qa-de-1a",
            });
            agent.Spec.Should().BeEquivalentTo(new NovaAgentSpec
            {
                Host = host,
                BuildingBlock = "bb091",
                AvailabilityZone = "qa-de-1a",
                Image = TestObjects.Image,
                ComputeDriver = ComputeDrivers.Libvirt,
                NodeName = host == "node004-bb091" ? "kvm-17" : host,
                GracefulShutdownSeconds = 300,
                CustomServiceConfig = "[DEFAULT]\ncpu_allocation_ratio = 4.0\n",
                Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m") } },
            }, o => o.Excluding(s => s.Resources));
            agent.Spec.Resources!.Requests!["cpu"].ToString().Should().Be("250m");
        }

        var status = (await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.AgentsNotReady)).Status!;
        status.DesiredAgents.Should().Be(4);
        status.ReadyAgents.Should().Be(0);
        status.ObservedGeneration.Should().Be(block.Metadata.Generation);
        status.Agents!.Select(a => a.Name).Should().Equal(FourHosts);
        Conditions.Find(status.Conditions, BuildingBlockConditions.Maintenance)!.Reason.Should().Be(BuildingBlockConditions.Operational);
        (await WaitForEventsAsync(EventReasons.AgentCreated, 4)).Select(e => e.Note).Should().BeEquivalentTo(FourHosts.Select(h => $"Created NovaAgent {h}"));
    }

    [Test]
    public async Task Reconcile_WhenAHostIsAddedAndAnotherRemoved_CreatesAndPrunesExactlyThoseAgents()
    {
        await CreateBlockAsync(TestObjects.Block());
        var before = (await WaitForAgentsAsync(FourHosts)).ToDictionary(a => a.Metadata.Name, a => a.Metadata.Uid);
        await WaitForEventsAsync(EventReasons.AgentCreated, 4);

        await Blocks.PatchAsync("bb091", ResourcePatch.Merge(
            """{"spec":{"hosts":[{"name":"node001-bb091"},{"name":"node003-bb091"},{"name":"node004-bb091"},{"name":"node005-bb091"}]}}"""), Ns);

        var after = await WaitForAgentsAsync("node001-bb091", "node003-bb091", "node004-bb091", "node005-bb091");
        after.Where(a => a.Metadata.Name != "node005-bb091").Should().AllSatisfy(a => a.Metadata.Uid.Should().Be(before[a.Metadata.Name], "agents of kept hosts stay"));
        (await WaitForEventsAsync(EventReasons.AgentDeleted)).Should().ContainSingle().Which.Note.Should().Be("Deleted NovaAgent node002-bb091: its host left the spec");
        (await WaitForEventsAsync(EventReasons.AgentCreated, 5)).Should().ContainSingle(e => e.Note == "Created NovaAgent node005-bb091");
        await WaitForBlockAsync(b => b.Status?.Agents?.Select(a => a.Name).SequenceEqual(after.Select(a => a.Metadata.Name)) == true, "the status lists the new agents");
    }

    [Test]
    public async Task Reconcile_WhenAnAgentIsDeletedByHand_RecreatesIt()
    {
        await CreateBlockAsync(TestObjects.Block());
        var old = (await WaitForAgentsAsync(FourHosts)).Single(a => a.Metadata.Name == "node003-bb091");

        await Agents.DeleteAsync("node003-bb091", Ns);

        await Eventually.HoldsAsync(async () => (await ListAgentsAsync()).Any(a => a.Metadata.Name == "node003-bb091" && a.Metadata.Uid != old.Metadata.Uid),
            "node003-bb091 is recreated");
    }

    [Test]
    public async Task Reconcile_WhenAnAgentIsEditedByHand_RestoresItsSpecAndLabels()
    {
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(FourHosts);

        await Agents.PatchAsync("node002-bb091", ResourcePatch.Merge(
            """{"metadata":{"labels":{"openstack.operators.dev/host":"wrong","team":"compute"}},"spec":{"image":"hand-edited:1"}}"""), Ns);

        var agent = await Eventually.ReturnsAsync(() => Agents.GetAsync("node002-bb091", Ns),
            a => a.Spec.Image == TestObjects.Image && a.Metadata.Labels["openstack.operators.dev/host"] == "node002-bb091", "the agent is restored");
        agent.Metadata.Labels.Should().Contain("team", "compute", "labels others set are kept");
    }

    [Test]
    public async Task Reconcile_WhenTheTemplateChanges_PatchesEveryAgent()
    {
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(FourHosts);

        await Blocks.PatchAsync("bb091", ResourcePatch.Merge("""{"spec":{"agentTemplate":{"image":"nova-compute:2025.2"}}}"""), Ns);

        await Eventually.HoldsAsync(async () => (await ListAgentsAsync()).All(a => a.Spec.Image == "nova-compute:2025.2"), "every agent runs the new image");
    }

    [Test]
    public async Task Delete_TheBlock_GarbageCollectsItsAgents()
    {
        await CreateBlockAsync(TestObjects.Block());
        await WaitForAgentsAsync(FourHosts);

        await Blocks.DeleteAsync("bb091", Ns);

        await WaitForAgentsAsync();
    }

    [Test]
    public async Task Reconcile_ABlockWithoutHosts_IsReadyWithNoHosts()
    {
        await CreateBlockAsync(TestObjects.Block(hosts: 0));

        var block = await WaitForReasonAsync(BuildingBlockConditions.Ready, BuildingBlockConditions.NoHosts);

        Conditions.IsTrue(block.Status!.Conditions, BuildingBlockConditions.Ready).Should().BeTrue();
        (await ListAgentsAsync()).Should().BeEmpty();
    }
}
