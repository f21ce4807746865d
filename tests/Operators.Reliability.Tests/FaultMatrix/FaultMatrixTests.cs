using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api;
using Operators.Testing;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>
/// The fault matrix, cases 1–8 and 10, on one converged sample system with leader election on, two replicas of
/// each operator (each through its own relay, so one can be partitioned) and short lease timings. Each case uses
/// its own block, drives changes while its fault is on, removes the fault, checks everything converged with no
/// duplicate and one notification per transition per subscription, and leaves the system as it found it.
/// Cases 1–6 are API faults; 7, 8 and 10 (FaultMatrixTests.Failover.cs) kill, restart and partition replicas.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public partial class FaultMatrixTests : FaultMatrixTestBase
{
    private static readonly string[] StatusResources = ["buildingblocks/status", "novaagents/status", "maintenancenotifiers/status"];

    // Everything the operators read and write except their Leases (API Priority and Fairness keeps leader election in its own level).
    private static readonly string[] OperatorResources =
        ["buildingblocks", "novaagents", "maintenancenotifiers", "configmaps", "deployments", "secrets", "events", .. StatusResources];

    internal override RunningSystemOptions SystemOptions => new() { Replicas = 2, RelayOperators = true, OperatorArguments = ShortLeases };

    [Test]
    [Order(1)]
    public async Task Case01_EveryWatchDroppedEvery50Events_ChangesStillConvergeOnceWithoutDuplicates()
    {
        var dropsBefore = await Faults.WatchesDroppedAsync();
        var result = await RunApiCaseAsync(
            "rel01",
            start: () => Faults.DropWatchesEveryAsync(50),
            duringFlow: stop => ChurnAsync("rel01", "node002-rel01", stop),
            minimumFault: TimeSpan.FromSeconds(15));

        var drops = await Faults.WatchesDroppedAsync() - dropsBefore;
        Report($"case 1: {drops} watches ended by the fault; {result}");
        drops.Should().BePositive("the fault ended watches while the changes flowed");
    }

    [Test]
    [Order(2)]
    public async Task Case02_HistoryCompactedWhileWatchesReconnect_InformersRelistOn410AndConverge()
    {
        var listsBefore = await ListCountAsync();
        var result = await RunApiCaseAsync(
            "rel02",
            start: () => Task.CompletedTask,
            duringFlow: async stop =>
            {
                // Forget the history, then end every watch: each resumes from a version that is gone, gets 410 and relists.
                while (!stop.IsCancellationRequested)
                {
                    await Faults.CompactAsync();
                    await Faults.DropWatchesAsync();
                    await Task.Delay(TimeSpan.FromSeconds(2), stop).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            });

        var relists = await ListCountAsync() - listsBefore;
        Report($"case 2: {relists} lists after 410; {result}");
        relists.Should().BeGreaterThanOrEqualTo(3, "informers relist after their watch got 410 Expired");
    }

    [Test]
    [Order(3)]
    public async Task Case03_429StormWithRetryAfterOn30PercentOfRequestsFor20Seconds_EverythingConvergesOnce()
    {
        var storm = TimeSpan.FromSeconds(20);
        var stormEnds = Stopwatch.StartNew();
        var result = await RunApiCaseAsync(
            "rel03",
            start: async () =>
            {
                stormEnds.Restart();
                foreach (var resource in OperatorResources)
                {
                    await Faults.FailRatioAsync(0.3, storm, 429, resource: resource, retryAfterSeconds: 1);
                }
            },
            duringFlow: null,
            minimumFault: storm);
        Report($"case 3: storm of {storm.TotalSeconds:0} s; {result}");
    }

    [Test]
    [Order(4)]
    public async Task Case04_TwentyPercentOfWritesFailWith500Or503_EverythingConvergesOnce()
    {
        var result = await RunApiCaseAsync(
            "rel04",
            start: async () =>
            {
                foreach (var verb in new[] { "create", "update", "patch", "delete" })
                {
                    await Faults.FailRatioAsync(0.1, TimeSpan.FromMinutes(5), 500, verb: verb);
                    await Faults.FailRatioAsync(0.111, TimeSpan.FromMinutes(5), 503, verb: verb); // 10% of the remaining 90%
                }
            },
            duringFlow: null);
        Report($"case 4: {result}");
    }

    [Test]
    [Order(5)]
    public async Task Case05_ConflictsInjectedOnStatusUpdates_ReconcilersRereadAndConvergeOnce()
    {
        var conflictsBefore = await StatusUpdateCountAsync();
        var result = await RunApiCaseAsync(
            "rel05",
            start: async () =>
            {
                foreach (var resource in StatusResources)
                {
                    await Faults.FailRatioAsync(0.4, TimeSpan.FromMinutes(5), 409, verb: "update", resource: resource);
                }
            },
            duringFlow: null);
        Report($"case 5: {await StatusUpdateCountAsync() - conflictsBefore} status updates (40% answered 409); {result}");
    }

    [Test]
    [Order(6)]
    public async Task Case06_ApiServerRestartedTwiceMidWay_OperatorsKeepRunningAndConverge()
    {
        var restarts = 0;
        var result = await RunApiCaseAsync(
            "rel06",
            start: () => Task.CompletedTask,
            duringFlow: null,
            atStep: async step =>
            {
                if (step is "hosts changed" or "in maintenance")
                {
                    // Much shorter than the renew deadline, so the leaders keep their Leases.
                    await Faults.RestartAsync(TimeSpan.FromSeconds(1));
                    restarts++;
                }
            });
        Report($"case 6: {restarts} restarts of 1 s; {result}");
        restarts.Should().Be(2);
    }

    /// <summary>
    /// One API-fault case: <paramref name="start"/> turns the fault on, the changes flow (with
    /// <paramref name="duringFlow"/> running beside them), the fault is removed (not before
    /// <paramref name="minimumFault"/>), then everything must converge.
    /// </summary>
    private async Task<string> RunApiCaseAsync(
        string block, Func<Task> start, Func<CancellationToken, Task>? duringFlow, TimeSpan? minimumFault = null, Func<string, Task>? atStep = null)
    {
        var total = Stopwatch.StartNew();
        var ledger = await NewLedgerAsync();
        var before = Running.Receiver.Received.Count;
        await start();
        var faultOn = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var beside = duringFlow?.Invoke(stop.Token) ?? Task.CompletedTask;
        try
        {
            foreach (var transition in await FlowChangesAsync(block, atStep))
            {
                ledger.Add(transition);
            }

            if (minimumFault is { } minimum && faultOn.Elapsed < minimum)
            {
                await Task.Delay(minimum - faultOn.Elapsed);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await beside;
            await Faults.ClearAsync();
        }

        var flowed = faultOn.Elapsed;
        var recovery = Stopwatch.StartNew();
        await AssertConvergedAsync(ledger, before);
        var recovered = recovery.Elapsed;
        await DeleteBlockAsync(block);
        return $"changes under the fault {flowed.TotalSeconds:0.0} s, converged {recovered.TotalSeconds:0.0} s after removal, " +
            $"{ledger.Expected.Count} notifications once each, run {total.Elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>
    /// More changes, so that every watch of the operators passes 50 events: an annotation on the block, one of its
    /// agents and that agent's ConfigMap and Deployment, every 100 ms (objects that do not exist yet are skipped).
    /// </summary>
    private async Task ChurnAsync(string block, string host, CancellationToken stop)
    {
        string[] paths =
        [
            $"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/buildingblocks/{block}",
            $"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/novaagents/{host}",
            $"/api/v1/namespaces/{Namespace}/configmaps/nova-compute-{host}",
            $"/apis/apps/v1/namespaces/{Namespace}/deployments/nova-compute-{host}",
        ];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["annotations"] = new JsonObject { ["reliability.test/churn"] = i.ToString(CultureInfo.InvariantCulture) },
                },
            };
            foreach (var path in paths)
            {
                try
                {
                    await Running.Local.Api.MergePatchAsync(path, patch, stop);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // Not there yet, or stopping.
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<long> ListCountAsync()
    {
        var requests = (await Running.Local.Api.GetAsync("/_local/counters")).Body?["requests"]?.AsObject();
        return requests?.Where(p => p.Key.StartsWith("list ", StringComparison.Ordinal)).Sum(p => (long?)p.Value ?? 0) ?? 0;
    }

    private async Task<long> StatusUpdateCountAsync()
    {
        var requests = (await Running.Local.Api.GetAsync("/_local/counters")).Body?["requests"]?.AsObject();
        return StatusResources.Sum(r => (long?)requests?["update " + r] ?? 0);
    }
}
