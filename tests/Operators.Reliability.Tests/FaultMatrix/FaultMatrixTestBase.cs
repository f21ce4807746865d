using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using k8s.Models;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalRun;
using Operators.Runtime.Client;
using Operators.Testing;
using Operators.WebhookReceiver;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>
/// What every case of the fault matrix shares: changes that flow while a fault is on (a block created, a
/// host added and one removed, maintenance entered and left), writes of the test itself that retry
/// through the fault, and the checks after it: every object converged, no duplicate agent, ConfigMap or
/// Deployment, one notification per transition per subscription, no operator process died.
/// </summary>
public abstract class FaultMatrixTestBase : SystemTestBase
{
    /// <summary>
    /// The leader-election timings of the failover cases: shorter than the defaults (15/10/2 s), so that they
    /// stay fast, but with room for a CI machine whose 2 cores run several systems at once (renew deadlines of
    /// 3 s and then 6 s made leaders step down under that load, so the renew deadline is 8 s).
    /// </summary>
    internal static readonly string[] ShortLeases =
        ["--leader-election-lease-duration", "10s", "--leader-election-renew-deadline", "8s", "--leader-election-retry-period", "1s"];

    /// <summary>The lease duration of <see cref="ShortLeases"/>.</summary>
    internal static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>The renew deadline of <see cref="ShortLeases"/>.</summary>
    internal static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(8);

    /// <summary>The retry period of <see cref="ShortLeases"/>.</summary>
    internal static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How long convergence may take after a fault is removed (2 shared cores, several processes).</summary>
    internal static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] SampleNotifiers = ["compute-oncall", "slack-compute-qa-de-1"];

    internal FaultControl Faults => new(Running.Local.Api);

    /// <summary>After every case: no value of the samples' Secrets (signing key, Slack URL) in any log line, Event, status or metric.</summary>
    [OneTimeTearDown]
    public async Task NoSecretLeakedAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        var samples = SampleManifests.Load(TestRepository.Layout.SamplesFile, Running.Receiver.BaseAddress);
        var secrets = samples
            .Where(m => m["kind"]?.GetValue<string>() == "Secret" && m["stringData"] is JsonObject)
            .SelectMany(m => ((JsonObject)m["stringData"]!).Select(p => p.Value?.GetValue<string>()))
            .OfType<string>()
            .ToList();
        secrets.Should().HaveCount(2, "the samples hold a signing key and a Slack URL");
        await Security.SecretScan.AssertNoLeaksAsync(Running, secrets);
    }

    /// <summary>Creates a block matched by both sample notifiers, retrying through faults.</summary>
    internal async Task CreateBlockAsync(string name, IEnumerable<string> hosts)
    {
        var manifest = YamlManifests.Parse(
            $$"""
            apiVersion: {{ApiGroup.ApiVersion}}
            kind: BuildingBlock
            metadata:
              name: {{name}}
              namespace: {{Namespace}}
              labels: {topology.kubernetes.io/region: qa-de-1, topology.kubernetes.io/zone: qa-de-1a}
            spec:
              availabilityZone: qa-de-1a
              hosts: [{{string.Join(", ", hosts.Select(h => "{name: " + h + "}"))}}]
              agentTemplate: {image: registry.example.com/openstack/nova-compute:2025.1}
            """,
            name).Single();
        await RetryingAsync($"create {name}", async () =>
        {
            var applied = await Running.Local.Api.CreateAsync($"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/buildingblocks", manifest);
            if (!applied.IsSuccess && applied.Reason != "AlreadyExists")
            {
                throw Rejected(applied);
            }
        });
    }

    /// <summary>Sets a block's hosts (a merge patch), retrying through faults.</summary>
    internal Task SetHostsAsync(string block, IEnumerable<string> hosts) =>
        PatchBlockAsync(block, new JsonObject { ["spec"] = new JsonObject { ["hosts"] = new JsonArray([.. hosts.Select(h => (JsonNode)new JsonObject { ["name"] = h })]) } });

    /// <summary>Requests maintenance (<paramref name="reason"/>) or ends it (null), retrying through faults.</summary>
    internal Task SetMaintenanceAsync(string block, string? reason) =>
        PatchBlockAsync(block, new JsonObject { ["spec"] = new JsonObject { ["maintenance"] = reason is null ? null : new JsonObject { ["reason"] = reason } } });

    /// <summary>Waits until the block's Maintenance condition is True (<paramref name="entered"/>) or False and returns the transition its status recorded.</summary>
    internal async Task<Transition> TransitionAsync(string block, bool entered, TimeSpan? timeout = null)
    {
        Transition? found = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                if (await BlockAsync(block) is not { Status: { } s } bb
                    || !Has(s.Conditions, BuildingBlockConditions.Maintenance, entered ? "True" : "False", entered ? BuildingBlockConditions.InMaintenance : BuildingBlockConditions.Operational)
                    || (entered ? s.Maintenance?.LastEnteredTime : s.Maintenance?.LastLeftTime) is not { } time)
                {
                    return false;
                }

                found = new Transition(block, bb.Metadata.Uid, entered ? MaintenanceEvents.Entered : MaintenanceEvents.Left, time);
                return true;
            },
            $"{block} is {(entered ? "in maintenance" : "out of maintenance")}",
            timeout ?? ConvergeTimeout);
        return found!;
    }

    /// <summary>
    /// The changes every case makes while its fault is on: a block with two hosts, then a third host added and the
    /// first removed, then maintenance entered and left. Returns the block's transitions.
    /// </summary>
    internal async Task<IReadOnlyList<Transition>> FlowChangesAsync(string block, Func<string, Task>? atStep = null)
    {
        string[] hosts = [$"node001-{block}", $"node002-{block}", $"node003-{block}"];
        atStep ??= _ => Task.CompletedTask;
        await CreateBlockAsync(block, hosts[..2]);
        await atStep("created");
        await Eventually.HoldsAsync(async () => await BlockAsync(block) is { Status.ReadyAgents: 2 }, $"{block} gets 2 ready agents", ConvergeTimeout);
        await SetHostsAsync(block, hosts[1..]);
        await atStep("hosts changed");
        await SetMaintenanceAsync(block, "CHG-REL " + block);
        await atStep("maintenance requested");
        var entered = await TransitionAsync(block, entered: true);
        await atStep("in maintenance");
        await SetMaintenanceAsync(block, null);
        await atStep("maintenance ended");
        var left = await TransitionAsync(block, entered: false);
        return [entered, left];
    }

    /// <summary>The uids of the sample notifiers (both match every block this suite creates).</summary>
    internal async Task<NotificationLedger> NewLedgerAsync()
    {
        var notifiers = new List<(string, string)>();
        foreach (var name in SampleNotifiers)
        {
            notifiers.Add((name, (await NotifierAsync(name))!.Metadata.Uid));
        }

        return new NotificationLedger(notifiers);
    }

    /// <summary>
    /// The checks after a case: every block converged (Ready, observed generation, every agent ready), exactly the
    /// agents its hosts ask for, one ConfigMap and one Deployment per agent, controlled by it, and nothing else;
    /// every notification arrived once (resends only where allowed); no operator process died but those in
    /// <paramref name="expectedExits"/>. Returns the number of resends.
    /// </summary>
    internal async Task<int> AssertConvergedAsync(NotificationLedger ledger, int receivedBefore, bool resendsAllowed = false, IReadOnlyCollection<int>? expectedExits = null)
    {
        await Eventually.HoldsAsync(ConvergedAsync, "every block is Ready with its generation observed and every agent ready, and every agent has its children", ConvergeTimeout);
        await Eventually.HoldsAsync(() => ledger.AllArrived(ReceivedSince(receivedBefore)), "every transition of the case is notified to every subscription", ConvergeTimeout);
        await AssertNoDuplicatesAsync();
        var resends = ledger.AssertExactlyOnce(ReceivedSince(receivedBefore), resendsAllowed);
        foreach (var replica in Running.Replicas)
        {
            if (expectedExits?.Contains(replica.Process.Pid) != true)
            {
                replica.Process.HasExited.Should().BeFalse($"{replica.Describe()} must not die in this case");
            }
        }

        foreach (var notifier in SampleNotifiers)
        {
            var status = (await NotifierAsync(notifier))!.Status;
            Has(status?.Conditions, MaintenanceNotifierConditions.Ready, "True").Should().BeTrue($"{notifier} stays Ready");
        }

        return resends;
    }

    /// <summary>Deletes a block and waits until its agents and their children are collected.</summary>
    internal async Task DeleteBlockAsync(string block)
    {
        await RetryingAsync($"delete {block}", async () =>
        {
            var response = await Running.Local.Api.DeleteAsync($"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/buildingblocks/{block}");
            if (!response.IsSuccess && (int)response.StatusCode != 404)
            {
                throw Rejected(response);
            }
        });
        await Eventually.HoldsAsync(async () => (await AgentsOfAsync(block)).Count == 0, $"the agents of {block} are collected", ConvergeTimeout);
    }

    /// <summary>Prints one line of the case's measurements (the matrix report is built from these lines).</summary>
    internal static void Report(string text) => TestContext.Progress.WriteLine("[fault-matrix] " + text);

    /// <summary>Runs a write of the test itself until the API server takes it (faults hit the test's requests too).</summary>
    internal static async Task RetryingAsync(string what, Func<Task> write)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (e is KubernetesApiException { StatusCode: 429 or 500 or 503 or 409 or 504 } or HttpRequestException or TaskCanceledException)
            {
                if (watch.Elapsed > ConvergeTimeout)
                {
                    Assert.Fail($"{what} kept failing for {ConvergeTimeout.TotalSeconds:0} s: {e.Message}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static KubernetesApiException Rejected(ApiResponse response) =>
        new((int)response.StatusCode, new V1Status { Message = response.Describe() });

    private Task PatchBlockAsync(string block, JsonObject patch) =>
        RetryingAsync($"patch {block}", async () =>
        {
            var response = await Running.Local.Api.MergePatchAsync($"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/buildingblocks/{block}", patch);
            if (!response.IsSuccess)
            {
                throw Rejected(response);
            }
        });

    private async Task<bool> ConvergedAsync()
    {
        var blocks = (await Client.For<V1Alpha1BuildingBlock>().ListAsync(Namespace)).Items;
        var agents = (await Client.For<V1Alpha1NovaAgent>().ListAsync(Namespace)).Items;
        foreach (var block in blocks)
        {
            var hosts = block.Spec.Hosts?.Count ?? 0;
            if (block.Status is not { } s || s.ObservedGeneration != block.Metadata.Generation || s.DesiredAgents != hosts || s.ReadyAgents != hosts
                || !Has(s.Conditions, BuildingBlockConditions.Ready, "True") || block.Metadata.DeletionTimestamp is not null)
            {
                return false;
            }
        }

        var wanted = blocks.SelectMany(b => b.Spec.Hosts?.Select(h => h.Name) ?? []).Order(StringComparer.Ordinal).ToList();
        if (!agents.Select(a => a.Metadata.Name).Order(StringComparer.Ordinal).SequenceEqual(wanted, StringComparer.Ordinal))
        {
            return false;
        }

        var owned = await OwnedChildrenAsync();
        return agents.All(a => Has(a.Status?.Conditions, NovaAgentConditions.Ready, "True")
            && owned.ConfigMaps.Count(c => c == a.Metadata.Uid) == 1 && owned.Deployments.Count(d => d == a.Metadata.Uid) == 1);
    }

    private async Task AssertNoDuplicatesAsync()
    {
        var agents = (await Client.For<V1Alpha1NovaAgent>().ListAsync(Namespace)).Items;
        agents.Select(a => a.Metadata.Name).Should().OnlyHaveUniqueItems();
        var uids = agents.Select(a => a.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var owned = await OwnedChildrenAsync();
        owned.ConfigMaps.Should().OnlyHaveUniqueItems("one ConfigMap per agent").And.OnlyContain(uid => uids.Contains(uid), "no ConfigMap of a gone agent");
        owned.Deployments.Should().OnlyHaveUniqueItems("one Deployment per agent").And.OnlyContain(uid => uids.Contains(uid), "no Deployment of a gone agent");
        owned.ConfigMaps.Should().HaveCount(agents.Count);
        owned.Deployments.Should().HaveCount(agents.Count);
    }

    // The NovaAgent uid that controls each ConfigMap and each Deployment in the namespace.
    private async Task<(List<string> ConfigMaps, List<string> Deployments)> OwnedChildrenAsync()
    {
        static string? Controller(V1ObjectMeta meta) => meta.OwnerReferences?.SingleOrDefault(o => o.Controller == true && o.Kind == "NovaAgent")?.Uid;
        var configMaps = (await Client.For<V1ConfigMap>().ListAsync(Namespace)).Items.Select(c => Controller(c.Metadata)).OfType<string>().ToList();
        var deployments = (await Client.For<V1Deployment>().ListAsync(Namespace)).Items.Select(d => Controller(d.Metadata)).OfType<string>().ToList();
        return (configMaps, deployments);
    }

    /// <summary>The notifications received since <paramref name="start"/>.</summary>
    internal IReadOnlyList<ReceivedNotification> Since(int start) => ReceivedSince(start);
}
