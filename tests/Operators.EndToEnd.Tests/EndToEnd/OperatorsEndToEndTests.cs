using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.Testing;
using Operators.WebhookReceiver;

namespace Operators.EndToEnd.Tests.EndToEnd;

/// <summary>
/// The three operators as separate processes (leader election on) against one API server process,
/// driven the way a person or a pipeline drives them: samples applied, kubectl, patches, a crash.
/// The tests run in order; each leaves the sample blocks as it found them.
/// </summary>
[NonParallelizable]
public partial class OperatorsEndToEndTests : SystemTestBase
{
    private const string CloudEventNotifier = "compute-oncall";
    private const string SlackNotifier = "slack-compute-qa-de-1";

    private static readonly Dictionary<string, string[]> SampleHosts = new(StringComparer.Ordinal)
    {
        ["bb091"] = ["node001-bb091", "node002-bb091", "node003-bb091", "node004-bb091"],
        ["bb092"] = ["node001-bb092", "node002-bb092"],
        ["bb164"] = ["nova-compute-bb164"],
    };

    [Test]
    [Order(1)]
    public async Task Samples_WhenApplied_EveryBlockGetsReadyAndEveryAgentHasItsConfigMapAndDeployment()
    {
        foreach (var (block, hosts) in SampleHosts)
        {
            await Eventually.HoldsAsync(
                async () => await BlockAsync(block) is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Ready, "True", BuildingBlockConditions.AllAgentsReady)
                    && s.ReadyAgents == hosts.Length && s.DesiredAgents == hosts.Length,
                $"{block} is Ready with {hosts.Length} ready agents");
            foreach (var host in hosts)
            {
                var agent = await AgentAsync(host);
                agent.Should().NotBeNull();
                Has(agent!.Status?.Conditions, NovaAgentConditions.Ready, "True").Should().BeTrue();
                var configMap = await ConfigMapAsync(host);
                var deployment = await DeploymentAsync(host);
                configMap.Should().NotBeNull($"agent {host} renders a ConfigMap");
                deployment.Should().NotBeNull($"agent {host} renders a Deployment");
                configMap!.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == agent.Metadata.Uid && o.Controller == true);
                deployment!.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == agent.Metadata.Uid && o.Controller == true);
                deployment.Spec.Replicas.Should().Be(1);
            }
        }

        (await Client.For<V1Alpha1NovaAgent>().ListAsync(Namespace)).Items.Should().HaveCount(SampleHosts.Values.Sum(h => h.Length), "no duplicate agents");
        foreach (var notifier in new[] { CloudEventNotifier, SlackNotifier })
        {
            await Eventually.HoldsAsync(
                async () => await NotifierAsync(notifier) is { Status: { } s } && Has(s.Conditions, MaintenanceNotifierConditions.Ready, "True") && s.MatchedBuildingBlocks == 2,
                $"{notifier} is Ready and matches bb091 and bb092");
        }
    }

    [Test]
    [Order(2)]
    public async Task Kubectl_WaitAndGetOpenstack_WorkAndShowThePrinterColumnsOfAllThreeKinds()
    {
        var wait = await Running.Kubectl.RunAsync("wait", "--for=condition=Ready", "bb", "--all", "-n", Namespace, "--timeout=60s");
        wait.ExitCode.Should().Be(0, wait.Error);
        wait.Output.Should().Contain("buildingblock.openstack.operators.dev/bb091 condition met");

        var get = await Running.Kubectl.RunAsync("get", "openstack", "-n", Namespace);

        get.ExitCode.Should().Be(0, get.Error);
        get.Output.Should().ContainAll(
            "ZONE", "DESIRED", "READY AGENTS", "MAINTENANCE",
            "HOST", "BLOCK", "IN SERVICE",
            "BLOCKS", "LAST DELIVERY", "DEGRADED",
            "buildingblock.openstack.operators.dev/bb091", "novaagent.openstack.operators.dev/node001-bb091",
            "maintenancenotifier.openstack.operators.dev/compute-oncall", "maintenancenotifier.openstack.operators.dev/slack-compute-qa-de-1");
        get.Output.Split('\n').Should().Contain(l => l.StartsWith("buildingblock.openstack.operators.dev/bb091", StringComparison.Ordinal)
            && l.Contains("qa-de-1a", StringComparison.Ordinal) && l.Contains("Operational", StringComparison.Ordinal) && l.Contains("True", StringComparison.Ordinal));
    }

    [Test]
    [Order(3)]
    public async Task Maintenance_EnteredAndLeftWithKubectlPatch_ScalesTheAgentsAndNotifiesOncePerNotifier()
    {
        var start = Running.Receiver.Received.Count;
        var hosts = SampleHosts["bb091"];

        var enter = await Running.Kubectl.RunAsync("patch", "bb", "bb091", "-n", Namespace, "--type", "merge", "-p",
            """{"spec":{"maintenance":{"reason":"CHG0123456 BIOS update"}}}""");
        enter.ExitCode.Should().Be(0, enter.Error);

        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb091") is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Maintenance, "True", BuildingBlockConditions.InMaintenance)
                && s.ReadyAgents == 0 && s.OutOfServiceAgents == hosts.Length,
            "bb091 is Maintenance=True/InMaintenance with every agent out of service");
        foreach (var host in hosts)
        {
            (await DeploymentAsync(host))!.Spec.Replicas.Should().Be(0, $"{host} is in maintenance");
            Has((await AgentAsync(host))!.Status?.Conditions, NovaAgentConditions.InService, "False", NovaAgentConditions.Maintenance).Should().BeTrue();
        }

        var entered = await DeliveredIdsAsync("bb091", MaintenanceEvents.Entered);
        await Eventually.HoldsAsync(() => ReceivedSince(start).Count >= 2, "both Entered notifications arrive");

        var leave = await Running.Kubectl.RunAsync("patch", "bb", "bb091", "-n", Namespace, "--type", "merge", "-p", """{"spec":{"maintenance":null}}""");
        leave.ExitCode.Should().Be(0, leave.Error);

        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb091") is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Maintenance, "False", BuildingBlockConditions.Operational)
                && Has(s.Conditions, BuildingBlockConditions.Ready, "True") && s.ReadyAgents == hosts.Length,
            "bb091 is back: Maintenance=False/Operational and every agent ready");
        foreach (var host in hosts)
        {
            (await DeploymentAsync(host))!.Spec.Replicas.Should().Be(1, $"{host} is back in service");
        }

        var left = await DeliveredIdsAsync("bb091", MaintenanceEvents.Left);
        await Eventually.HoldsAsync(() => ReceivedSince(start).Count >= 4, "both Left notifications arrive");
        AssertExactlyOnce(ReceivedSince(start), entered, left);
        var cloudEvents = ReceivedSince(start).Where(n => n.Format == NotificationBody.CloudEvent).ToList();
        cloudEvents.Select(n => n.Event).Should().Equal(MaintenanceEvents.Entered, MaintenanceEvents.Left);
        cloudEvents.Should().OnlyContain(n => n.Signature == SignatureCheck.Valid && n.BuildingBlock == "bb091" && n.Reason == "CHG0123456 BIOS update");
    }

    [Test]
    [Order(4)]
    public async Task Hosts_WhenOneIsAddedAndRemoved_ItsAgentAndChildrenComeAndGo()
    {
        const string Host = "node003-bb092";
        var blocks = Client.For<V1Alpha1BuildingBlock>();

        await blocks.PatchAsync("bb092", ResourcePatch.Json($$$"""[{"op":"add","path":"/spec/hosts/-","value":{"name":"{{{Host}}}"}}]"""), Namespace);

        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb092") is { Status: { } s } && s.DesiredAgents == 3 && s.ReadyAgents == 3 && Has(s.Conditions, BuildingBlockConditions.Ready, "True"),
            "bb092 has 3 ready agents");
        (await AgentsOfAsync("bb092")).Select(a => a.Metadata.Name).Should().BeEquivalentTo(["node001-bb092", "node002-bb092", Host]);
        (await ConfigMapAsync(Host)).Should().NotBeNull();
        (await DeploymentAsync(Host)).Should().NotBeNull();

        await blocks.PatchAsync("bb092", ResourcePatch.Json($$"""[{"op":"test","path":"/spec/hosts/2/name","value":"{{Host}}"},{"op":"remove","path":"/spec/hosts/2"}]"""), Namespace);

        await Eventually.HoldsAsync(
            async () => await AgentAsync(Host) is null && await ConfigMapAsync(Host) is null && await DeploymentAsync(Host) is null,
            $"the agent {Host}, its ConfigMap and its Deployment are gone");
        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb092") is { Status: { } s } && s.DesiredAgents == 2 && s.ReadyAgents == 2 && Has(s.Conditions, BuildingBlockConditions.Ready, "True"),
            "bb092 is back to 2 ready agents");
        (await AgentsOfAsync("bb092")).Should().HaveCount(2);
    }

    [Test]
    [Order(5)]
    public async Task BuildingBlockOperator_WhenKilledMidWayAndStartedAgain_ConvergesWithoutDuplicates()
    {
        const string Block = "bb301";
        string[] hosts = ["node001-bb301", "node002-bb301", "node003-bb301"];
        await Running.Local.ApplyAsync([NewBlock(Block, hosts[..2], region: "qa-de-1", zone: "qa-de-1a")], CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => await BlockAsync(Block) is { Status: { } s } && s.ReadyAgents == 2 && Has(s.Conditions, BuildingBlockConditions.Ready, "True"),
            $"{Block} is Ready with 2 agents");
        var start = Running.Receiver.Received.Count;

        // One change with work for every step of the reconcile (a new agent, maintenance on all), then a crash.
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["hosts"] = new JsonArray([.. hosts.Select(h => (JsonNode)new JsonObject { ["name"] = h })]),
                ["maintenance"] = new JsonObject { ["reason"] = "CHG0999 crash drill" },
            },
        };
        await Client.For<V1Alpha1BuildingBlock>().PatchAsync(Block, ResourcePatch.Merge(patch.ToJsonString()), Namespace);
        var crashed = Running.Operators[OperatorProgram.BuildingBlock];
        crashed.Kill();
        (await crashed.Exited.WaitAsync(TimeSpan.FromSeconds(10))).Should().NotBe(0);

        // The new process waits until the dead leader's Lease expires, then takes over.
        await Running.StartOperatorAsync(OperatorProgram.BuildingBlock, CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => await BlockAsync(Block) is { Status: { } s } && s.DesiredAgents == 3 && s.OutOfServiceAgents == 3
                && Has(s.Conditions, BuildingBlockConditions.Maintenance, "True", BuildingBlockConditions.InMaintenance),
            $"{Block} converges: 3 agents, all out of service, Maintenance=True/InMaintenance",
            TimeSpan.FromSeconds(60));
        (await AgentsOfAsync(Block)).Select(a => a.Metadata.Name).Should().BeEquivalentTo(hosts, "one agent per host, no duplicates");
        foreach (var host in hosts)
        {
            (await DeploymentAsync(host))!.Spec.Replicas.Should().Be(0);
        }

        var entered = await DeliveredIdsAsync(Block, MaintenanceEvents.Entered);
        await Eventually.HoldsAsync(() => ReceivedSince(start).Count >= 2, "both Entered notifications arrive");

        await Client.For<V1Alpha1BuildingBlock>().PatchAsync(Block, ResourcePatch.Merge("""{"spec":{"maintenance":null}}"""), Namespace);
        await Eventually.HoldsAsync(
            async () => await BlockAsync(Block) is { Status: { } s } && s.ReadyAgents == 3 && Has(s.Conditions, BuildingBlockConditions.Maintenance, "False", BuildingBlockConditions.Operational),
            $"{Block} leaves maintenance with 3 ready agents");
        var left = await DeliveredIdsAsync(Block, MaintenanceEvents.Left);
        await Eventually.HoldsAsync(() => ReceivedSince(start).Count >= 4, "both Left notifications arrive");
        AssertExactlyOnce(ReceivedSince(start), entered, left);

        await Client.For<V1Alpha1BuildingBlock>().DeleteAsync(Block, Namespace);
        await Eventually.HoldsAsync(async () => (await AgentsOfAsync(Block)).Count == 0, $"the agents of {Block} are collected");
    }

    [Test]
    [Order(6)]
    public async Task BuildingBlock_WhenDeleted_ItsAgentsConfigMapsAndDeploymentsAreCollected()
    {
        const string Block = "bb401";
        string[] hosts = ["node001-bb401", "node002-bb401"];
        await Running.Local.ApplyAsync([NewBlock(Block, hosts, region: "eu-nl-1", zone: "eu-nl-1a")], CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => await BlockAsync(Block) is { Status.ReadyAgents: 2 } && await DeploymentAsync(hosts[1]) is not null && await ConfigMapAsync(hosts[1]) is not null,
            $"{Block} has 2 ready agents with their children");

        await Client.For<V1Alpha1BuildingBlock>().DeleteAsync(Block, Namespace);

        foreach (var host in hosts)
        {
            await Eventually.HoldsAsync(
                async () => await AgentAsync(host) is null && await ConfigMapAsync(host) is null && await DeploymentAsync(host) is null,
                $"the agent {host}, its ConfigMap and its Deployment are collected");
        }

        (await BlockAsync(Block)).Should().BeNull();
    }

    private static JsonObject NewBlock(string name, string[] hosts, string region, string zone) =>
        YamlManifests.Parse(
            $$"""
            apiVersion: {{ApiGroup.ApiVersion}}
            kind: BuildingBlock
            metadata:
              name: {{name}}
              namespace: {{Namespace}}
              labels: {topology.kubernetes.io/region: {{region}}, topology.kubernetes.io/zone: {{zone}}}
            spec:
              availabilityZone: {{zone}}
              hosts: [{{string.Join(", ", hosts.Select(h => "{name: " + h + "}"))}}]
              agentTemplate: {image: registry.example.com/openstack/nova-compute:2025.1}
            """,
            name).Single();

    /// <summary>Waits until both notifiers recorded <paramref name="event"/> of <paramref name="block"/> as Delivered and returns the two event ids.</summary>
    private async Task<string[]> DeliveredIdsAsync(string block, string @event)
    {
        string?[] ids = [null, null];
        await Eventually.HoldsAsync(
            async () =>
            {
                ids = [await DeliveredEventIdAsync(CloudEventNotifier, block, @event), await DeliveredEventIdAsync(SlackNotifier, block, @event)];
                return ids.All(id => id is not null);
            },
            $"both notifiers record {@event} of {block} as Delivered");
        ids.Should().OnlyHaveUniqueItems("each subscription has its own event id");
        return [.. ids.OfType<string>()];
    }

    /// <summary>Exactly one accepted request per event id, nothing else, no resend.</summary>
    private static void AssertExactlyOnce(IReadOnlyList<ReceivedNotification> received, string[] entered, string[] left)
    {
        received.Select(n => n.Id).Should().BeEquivalentTo(entered.Concat(left), "one request per transition per notifier, nothing more");
        received.Should().OnlyContain(n => n.Accepted && !n.Duplicate);
        foreach (var (cloud, slack) in new[] { (entered[0], entered[1]), (left[0], left[1]) })
        {
            received.Single(n => n.Id == cloud).Format.Should().Be(NotificationBody.CloudEvent);
            received.Single(n => n.Id == slack).Format.Should().Be(NotificationBody.Slack);
        }

        received.Select(n => n.Id).Should().ContainInOrder(entered[0], left[0]);
    }
}
