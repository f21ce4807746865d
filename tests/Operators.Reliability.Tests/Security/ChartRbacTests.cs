using System.Text.Json.Nodes;
using FluentAssertions;
using k8s.Models;
using NUnit.Framework.Interfaces;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.Testing;

namespace Operators.Reliability.Tests.Security;

/// <summary>
/// Every operator runs under its chart's RBAC rules: the local API server enforces the Roles and ClusterRoles the charts
/// render (default values), each operator authenticates as its chart's ServiceAccount, and the sample scenario (samples
/// Ready, a maintenance cycle with notifications, a host added and removed, a block deleted) runs without a single 403.
/// Then one rule taken out of a chart's ClusterRole shows that the check can fail.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ChartRbacTests
{
    private const string Namespace = ChartRbacSystem.Namespace;
    private ChartRbacSystem? _system;

    private ChartRbacSystem Running => _system ?? throw new InvalidOperationException("the system did not start");

    private KubeApiClient Client => Running.Client;

    [OneTimeSetUp]
    public async Task StartSystemAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        _system = await ChartRbacSystem.StartAsync(timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopSystemAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    [TearDown]
    public void ShowLogsOnFailure()
    {
        if (_system is not null && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            TestContext.Out.WriteLine(_system.Tail(30));
        }
    }

    [Test]
    [Order(1)]
    public async Task Operators_UnderTheirChartsRbac_RunTheSampleScenarioWithoutA403()
    {
        // Samples applied: every block Ready, both notifiers Ready.
        foreach (var (block, hosts) in new[] { ("bb091", 4), ("bb092", 2), ("bb164", 1) })
        {
            await Eventually.HoldsAsync(
                async () => await BlockAsync(block) is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Ready, "True") && s.ReadyAgents == hosts,
                $"{block} is Ready with {hosts} agents");
        }

        foreach (var notifier in new[] { "compute-oncall", "slack-compute-qa-de-1" })
        {
            await Eventually.HoldsAsync(
                async () => await Client.For<V1Alpha1MaintenanceNotifier>().GetAsync(notifier, Namespace) is { Status: { } s }
                    && Has(s.Conditions, MaintenanceNotifierConditions.Ready, "True") && s.MatchedBuildingBlocks == 2,
                $"{notifier} is Ready");
        }

        // A maintenance cycle: both notifiers deliver Entered, then Left.
        var blocks = Client.For<V1Alpha1BuildingBlock>();
        var received = Running.Receiver.Received.Count;
        await blocks.PatchAsync("bb091", ResourcePatch.Merge("""{"spec":{"maintenance":{"reason":"CHG0424242 RBAC drill"}}}"""), Namespace);
        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb091") is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Maintenance, "True") && s.OutOfServiceAgents == 4,
            "bb091 is in maintenance with 4 agents out of service");
        await Eventually.HoldsAsync(() => DeliveredByBothAsync("bb091", MaintenanceEvents.Entered), "both notifiers delivered Entered");
        await blocks.PatchAsync("bb091", ResourcePatch.Merge("""{"spec":{"maintenance":null}}"""), Namespace);
        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb091") is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Maintenance, "False") && s.ReadyAgents == 4,
            "bb091 is back in service");
        await Eventually.HoldsAsync(() => DeliveredByBothAsync("bb091", MaintenanceEvents.Left), "both notifiers delivered Left");
        Running.Receiver.Received.Skip(received).Where(n => n.Accepted).Should().HaveCount(4, "one notification per transition per notifier");

        // A host added and removed.
        await blocks.PatchAsync("bb092", ResourcePatch.Json("""[{"op":"add","path":"/spec/hosts/-","value":{"name":"node003-bb092"}}]"""), Namespace);
        await Eventually.HoldsAsync(async () => await BlockAsync("bb092") is { Status: { ReadyAgents: 3, DesiredAgents: 3 } }, "bb092 has 3 ready agents");
        await blocks.PatchAsync("bb092", ResourcePatch.Json("""[{"op":"remove","path":"/spec/hosts/2"}]"""), Namespace);
        await Eventually.HoldsAsync(
            async () => await Find<V1Alpha1NovaAgent>("node003-bb092") is null && await Find<V1ConfigMap>("nova-compute-node003-bb092") is null
                && await Find<V1Deployment>("nova-compute-node003-bb092") is null && await BlockAsync("bb092") is { Status: { ReadyAgents: 2, DesiredAgents: 2 } },
            "the removed host's agent, ConfigMap and Deployment are gone and bb092 has 2 ready agents");

        // A block deleted: its agent and children are collected.
        await blocks.DeleteAsync("bb164", Namespace);
        await Eventually.HoldsAsync(
            async () => await BlockAsync("bb164") is null && await Find<V1Alpha1NovaAgent>("nova-compute-bb164") is null
                && await Find<V1Deployment>("nova-compute-nova-compute-bb164") is null && await Find<V1ConfigMap>("nova-compute-nova-compute-bb164") is null,
            "bb164, its agent, ConfigMap and Deployment are gone");

        var (count, denials) = await Running.DenialsAsync();
        count.Should().Be(0, "no operator may be refused under its chart's RBAC: " + string.Join(Environment.NewLine, denials.Select(d => (string?)d["message"])));
        Running.Operators.Values.Should().OnlyContain(o => !o.HasExited, "no operator process died");
    }

    [Test]
    [Order(2)]
    public async Task ChartRole_WithOneRuleRemoved_ProducesDenialsForItsOperator_AndTheOperatorRecoversWhenItIsBack()
    {
        var chart = Running.Charts[OperatorProgram.NovaAgent];
        var complete = chart.ClusterRole;
        await Running.ApplyAsync(ChartRbac.WithoutRuleFor(complete, "novaagents/status"));

        await Client.For<V1Alpha1BuildingBlock>().PatchAsync("bb092",
            ResourcePatch.Json("""[{"op":"add","path":"/spec/hosts/-","value":{"name":"node004-bb092"}}]"""), Namespace);
        IReadOnlyList<JsonObject> denials = [];
        await Eventually.HoldsAsync(
            async () => (denials = (await Running.DenialsAsync()).Denials).Count > 0,
            "the nova-agent is refused once its chart's role lacks the novaagents/status rule");
        await Running.ApplyAsync(complete);

        denials.Should().OnlyContain(d => (string?)d["user"] == chart.ServiceAccountUser && (string?)d["resource"] == "novaagents/status"
            && (string?)d["apiGroup"] == ApiGroup.Name && (string?)d["namespace"] == Namespace);
        ((string?)denials[0]["message"]).Should().Be(
            $"novaagents.{ApiGroup.Name} \"node004-bb092\" is forbidden: User \"{chart.ServiceAccountUser}\" cannot {(string?)denials[0]["verb"]} resource \"novaagents/status\" in API group \"{ApiGroup.Name}\" in the namespace \"{Namespace}\"");
        await Eventually.HoldsAsync(
            async () => await Find<V1Alpha1NovaAgent>("node004-bb092") is { Status: { } s } && Has(s.Conditions, NovaAgentConditions.Ready, "True")
                && await BlockAsync("bb092") is { Status: { ReadyAgents: 3 } },
            "with the rule back, the new agent gets Ready");
    }

    private async Task<bool> DeliveredByBothAsync(string block, string @event)
    {
        foreach (var notifier in new[] { "compute-oncall", "slack-compute-qa-de-1" })
        {
            var record = (await Client.For<V1Alpha1MaintenanceNotifier>().GetAsync(notifier, Namespace)).Status?.Deliveries?.FirstOrDefault(d => d.BuildingBlock == block);
            if (record is not { Phase: DeliveryPhases.Delivered } || record.Event != @event)
            {
                return false;
            }
        }

        return true;
    }

    private Task<V1Alpha1BuildingBlock?> BlockAsync(string name) => Find<V1Alpha1BuildingBlock>(name);

    private static bool Has(IEnumerable<V1Condition>? conditions, string type, string status) =>
        conditions?.Any(c => c.Type == type && c.Status == status) == true;

    private async Task<T?> Find<T>(string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await Client.For<T>().GetAsync(name, Namespace);
        }
        catch (KubernetesApiException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }
}
