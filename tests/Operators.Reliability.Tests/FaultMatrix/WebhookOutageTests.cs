using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api;
using Operators.Api.MaintenanceNotifiers;
using Operators.Testing;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>
/// Case 9 of the fault matrix, on its own system (it runs beside the other cases): the webhook receiver slow
/// (5 s per response, well under the per-attempt timeout of 30 s), then down (every connection reset) for two minutes
/// while blocks enter and leave maintenance, then back: every transition arrives once, in order per block.
/// The outage is <c>RELIABILITY_WEBHOOK_OUTAGE_SECONDS</c> (default 120).
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class WebhookOutageTests : FaultMatrixTestBase
{
    private static readonly TimeSpan SlowResponse = TimeSpan.FromSeconds(5);

    // With the default 10 s, a 5 s response timed out on a CI machine whose 2 cores ran four systems: the relay's
    // and the notifier's threads waited their turn for seconds. 30 s keeps "slow but in time" true under that load.
    private const int AttemptTimeoutSeconds = 30;

    // The default lease timings: no leader changes here (with 8 s / 6 s leases the single notifier once lost its Lease on a loaded CI machine).
    internal override RunningSystemOptions SystemOptions => new() { RelayReceiver = true };

    private static TimeSpan Outage =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_WEBHOOK_OUTAGE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 120);

    [Test]
    public async Task Case09_ReceiverSlowThenDownForTwoMinutes_EveryTransitionIsDeliveredOnceInOrderAfterRecovery()
    {
        var total = Stopwatch.StartNew();
        var relay = Running.ReceiverRelay!;
        await Eventually.HoldsAsync(async () => await NotifierAsync("compute-oncall") is { Status.MatchedBuildingBlocks: 2 }, "the notifiers match bb091 and bb092");

        // Retries cap at 10 s (the samples' 300 s cap would leave up to ~70 s between the receiver's return and the next attempt).
        foreach (var notifier in new[] { "compute-oncall", "slack-compute-qa-de-1" })
        {
            await Running.Local.Api.MergePatchAsync(
                $"/apis/{ApiGroup.ApiVersion}/namespaces/{Namespace}/maintenancenotifiers/{notifier}",
                new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["webhook"] = new JsonObject { ["timeoutSeconds"] = AttemptTimeoutSeconds },
                        ["retry"] = new JsonObject { ["maxAttempts"] = 20, ["initialBackoffSeconds"] = 2, ["maxBackoffSeconds"] = 10 },
                    },
                });
        }

        var ledger = await NewLedgerAsync();
        var before = Running.Receiver.Received.Count;

        // Slow: 5 s per response, below the per-attempt timeout, so every attempt succeeds once.
        relay.ResponseDelay = SlowResponse;
        var slow = Stopwatch.StartNew();
        await CycleAsync(ledger, "bb092", "CHG-REL slow receiver");
        await Eventually.HoldsAsync(() => ledger.AllArrived(Since(before)), "the slow receiver gets both transitions of bb092", TimeSpan.FromSeconds(60));
        var slowDelivered = slow.Elapsed;
        relay.ResponseDelay = TimeSpan.Zero;
        Since(before).Should().OnlyContain(n => n.Accepted && !n.Duplicate, $"a 5 s response is within the {AttemptTimeoutSeconds} s timeout: no attempt is repeated");

        // Down: a full cycle of bb091 and bb092 entering, while every connection to the receiver is reset.
        var receivedBeforeOutage = Running.Receiver.Received.Count;
        relay.Cut();
        var outage = Stopwatch.StartNew();
        await CycleAsync(ledger, "bb091", "CHG-REL receiver down");
        await SetMaintenanceAsync("bb092", "CHG-REL receiver still down");
        ledger.Add(await TransitionAsync("bb092", entered: true));
        await Eventually.HoldsAsync(
            async () => (await NotifierAsync("compute-oncall"))?.Status?.Deliveries?.Any(d => d.Phase == DeliveryPhases.Retrying) == true,
            "the notifier retries the deliveries it cannot make");
        if (outage.Elapsed < Outage)
        {
            await Task.Delay(Outage - outage.Elapsed);
        }

        Running.Receiver.Received.Count.Should().Be(receivedBeforeOutage, "nothing reaches a receiver that is down");
        foreach (var notifier in new[] { "compute-oncall", "slack-compute-qa-de-1" })
        {
            (await NotifierAsync(notifier))!.Status!.Deliveries!.Should().NotContain(d => d.Phase == DeliveryPhases.Failed, $"{notifier} keeps retrying through the outage");
        }

        relay.Heal();
        var recovery = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => ledger.AllArrived(Since(before)), "every transition is delivered after the receiver is back", TimeSpan.FromSeconds(60));
        var recovered = recovery.Elapsed;

        await SetMaintenanceAsync("bb092", null);
        ledger.Add(await TransitionAsync("bb092", entered: false));
        await AssertConvergedAsync(ledger, before);
        Report($"case 9: slow receiver (5 s): both transitions delivered {slowDelivered.TotalSeconds:0.0} s after the first change; " +
            $"receiver down {Outage.TotalSeconds:0} s; all {ledger.Expected.Count} notifications once each, the held-back ones {recovered.TotalSeconds:0.0} s after recovery; " +
            $"run {total.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task CycleAsync(NotificationLedger ledger, string block, string reason)
    {
        await SetMaintenanceAsync(block, reason);
        ledger.Add(await TransitionAsync(block, entered: true));
        await SetMaintenanceAsync(block, null);
        ledger.Add(await TransitionAsync(block, entered: false));
    }
}
