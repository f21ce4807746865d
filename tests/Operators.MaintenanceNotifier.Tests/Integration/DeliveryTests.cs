using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>The happy path end to end: transitions written to the API server become signed webhook calls, once each.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeliveryTests
{
    [Test]
    public async Task EnterAndLeave_DeliverExactlyTwoSignedCloudEvents_InOrder_WithDeterministicIds()
    {
        await using var scenario = await NotifierScenario.StartAsync("deliver");
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var key = "whsec_" + Convert.ToBase64String(keyBytes);
        await scenario.CreateSecretAsync("signing", new Dictionary<string, string> { ["key"] = key });
        var block = await scenario.CreateBlockAsync("bb091");
        var notifier = await scenario.CreateNotifierAsync("ops", new WebhookSpec
        {
            Url = scenario.Url("ops"),
            SigningSecretRef = new SecretKeyReference { Name = "signing", Key = "key" },
        });
        await scenario.WaitForConditionAsync("ops", "Ready", "True", "Subscribed");

        var entered = await scenario.EnterAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered");
        var left = await scenario.LeaveAsync("bb091");
        var record = await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "Left delivered");

        var requests = scenario.Received("ops");
        requests.Should().HaveCount(2, "one notification per transition");
        var enteredId = EventIds.For(notifier.Metadata.Uid, block.Metadata.Uid, "Entered", entered);
        var leftId = EventIds.For(notifier.Metadata.Uid, block.Metadata.Uid, "Left", left);
        string[] types = ["dev.operators.openstack.buildingblock.maintenance.entered", "dev.operators.openstack.buildingblock.maintenance.left"];
        string[] ids = [enteredId, leftId];
        for (var i = 0; i < 2; i++)
        {
            var request = requests[i];
            var body = JsonNode.Parse(request.Body)!;
            request.ContentType.Should().Be("application/cloudevents+json");
            body["id"]!.GetValue<string>().Should().Be(ids[i]);
            body["type"]!.GetValue<string>().Should().Be(types[i]);
            body["subject"]!.GetValue<string>().Should().Be("bb091");
            body["source"]!.GetValue<string>().Should().Be($"/apis/openstack.operators.dev/v1alpha1/namespaces/{scenario.Namespace}/buildingblocks/bb091");
            body["data"]!["notifier"]!.GetValue<string>().Should().Be("ops");
            request.Header("Idempotency-Key").Should().Be(ids[i]);
            request.Header("webhook-id").Should().Be(ids[i]);
            var timestamp = long.Parse(request.Header("webhook-timestamp")!, CultureInfo.InvariantCulture);
            timestamp.Should().BeCloseTo(request.ReceivedAt.ToUnixTimeSeconds(), 5, "the timestamp is the attempt time");
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(keyBytes, Encoding.UTF8.GetBytes($"{ids[i]}.{timestamp}.{request.Text}")));
            request.Header("webhook-signature").Should().Be(expected);
        }

        record.Should().Match<DeliveryRecord>(r => r.EventId == leftId && r.Attempts == 1 && r.ResponseCode == 200 && r.DeliveredTime != null && r.TransitionTime == left);
        var status = (await scenario.GetNotifierAsync("ops")).Status!;
        status.LastDeliveryTime.Should().NotBeNull();
        status.MatchedBuildingBlocks.Should().Be(1);
        status.Conditions.Should().Contain(c => c.Type == "Degraded" && c.Status == "False" && c.Reason == "DeliveriesHealthy");
        scenario.Operator.Metrics.Value("delivered").Should().Be(2);
        (await scenario.Operator.MetricsTextAsync()).Should().Contain("maintenance_notifier_deliveries_total{result=\"delivered\"} 2");
        await scenario.WaitForEventAsync("ops", "Delivered");
        await scenario.AssertNoSecretLeakedAsync(key, Convert.ToBase64String(keyBytes));
    }

    [Test]
    public async Task SteadyState_ReconcilesWithoutWritingOrSending()
    {
        await using var scenario = await NotifierScenario.StartAsync("steady");
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("ops", new WebhookSpec { Url = scenario.Url("ops") });
        await scenario.EnterAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered");
        var before = await scenario.GetNotifierAsync("ops");

        for (var i = 0; i < 5; i++)
        {
            var reconciles = await scenario.Operator.ReconcileCountAsync();
            await scenario.TouchBlockAsync("bb091", i);
            await Eventually.ReturnsAsync(
                async () => await scenario.Operator.ReconcileCountAsync() > reconciles ? new object() : null,
                "the block change was reconciled");
        }

        (await scenario.GetNotifierAsync("ops")).Metadata.ResourceVersion.Should().Be(before.Metadata.ResourceVersion, "nothing changed, so nothing is written");
        scenario.Received("ops").Should().ContainSingle();
    }

    [Test]
    public async Task BlockChangesDuringASlowDelivery_DoNotCauseASecondPost()
    {
        await using var scenario = await NotifierScenario.StartAsync("busy");
        await scenario.CreateBlockAsync("bb091");
        NotifierScenario.Receiver.Script(scenario.Path("ops"), new ScriptedResponse(200, Delay: TimeSpan.FromMilliseconds(700)));
        await scenario.CreateNotifierAsync("ops", new WebhookSpec { Url = scenario.Url("ops") });
        await scenario.WaitForConditionAsync("ops", "Ready", "True", "Subscribed");

        await scenario.EnterAsync("bb091");
        await Eventually.HoldsAsync(() => scenario.Received("ops").Count == 1, "the first POST arrived");
        for (var i = 0; i < 10; i++)
        {
            await scenario.TouchBlockAsync("bb091", i);
        }

        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered");
        for (var i = 10; i < 20; i++)
        {
            await scenario.TouchBlockAsync("bb091", i);
        }

        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "Left delivered");

        scenario.Received("ops").Should().HaveCount(2, "every reconcile queued meanwhile reads the recorded delivery before sending");
    }

    [Test]
    public async Task Restart_BetweenADeliveryAndALaterTransition_SendsNoDuplicate()
    {
        await using var scenario = await NotifierScenario.StartAsync("restart");
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("ops", new WebhookSpec { Url = scenario.Url("ops") });
        await scenario.EnterAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Entered", Phase: "Delivered" }, "Entered delivered");

        await scenario.RestartOperatorAsync();
        var changed = await scenario.UpdateNotifierAsync("ops", spec => spec.Webhook.TimeoutSeconds = 5);
        await Eventually.ReturnsAsync(
            async () => (await scenario.GetNotifierAsync("ops")).Status?.ObservedGeneration == changed.Metadata.Generation ? new object() : null,
            "the restarted operator reconciled the notifier");
        await scenario.LeaveAsync("bb091");
        await scenario.WaitForRecordAsync("ops", "bb091", r => r is { Event: "Left", Phase: "Delivered" }, "Left delivered");

        scenario.Received("ops").Select(r => JsonNode.Parse(r.Body)!["data"]!["event"]!.GetValue<string>())
            .Should().Equal(["Entered", "Left"], "the restarted operator read the Entered as delivered from status");
        scenario.Operator.Metrics.Value("delivered").Should().Be(1, "the new process sent only the Left");
    }
}
