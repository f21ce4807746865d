using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Reconciliation;

namespace Operators.MaintenanceNotifier.Tests.Reconciliation;

public sealed class NotifierStatusRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 10, 0, 0, 500, TimeSpan.Zero);
    private static readonly ReadyState Subscribed = new("True", "Subscribed", "ok");

    [Test]
    public void Apply_DropsRecordsOfBlocksNoLongerMatched_AndCountsMatched()
    {
        var status = new MaintenanceNotifierStatus { Deliveries = [Record("bb2", "Delivered"), Record("gone", "Failed"), Record("bb1", "Delivered")] };

        NotifierStatusRules.Apply(status, new StatusBase(3, new HashSet<string> { "bb1", "bb2", "bb3" }, Subscribed), Now);

        status.Deliveries!.Select(r => r.BuildingBlock).Should().Equal("bb1", "bb2");
        status.MatchedBuildingBlocks.Should().Be(3);
        status.ObservedGeneration.Should().Be(3);
        status.Conditions!.Select(c => (c.Type, c.Status, c.Reason)).Should().Equal(("Ready", "True", "Subscribed"), ("Degraded", "False", "DeliveriesHealthy"));
        status.Conditions![0].LastTransitionTime.Should().Be(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Apply_WithoutMatchedNames_KeepsRecords()
    {
        var status = new MaintenanceNotifierStatus { Deliveries = [Record("bb1", "Delivered")] };

        NotifierStatusRules.Apply(status, new StatusBase(1, null, new ReadyState("False", "InvalidSpec", "bad selector")), Now);

        status.Deliveries.Should().ContainSingle();
    }

    [Test]
    public void Degraded_IsEndpointGoneBeforeDeliveryFailed_AndHealthyOtherwise()
    {
        NotifierStatusRules.Degraded([Record("a", "Failed", 400), Record("b", "Failed", 410)]).Reason.Should().Be("EndpointGone");
        NotifierStatusRules.Degraded([Record("a", "Failed", 400), Record("b", "Delivered")]).Should().Match<(string Status, string Reason, string Message)>(
            d => d.Status == "True" && d.Reason == "DeliveryFailed" && d.Message.Contains('a'));
        NotifierStatusRules.Degraded([Record("a", "Retrying", 503), Record("b", "Skipped")]).Should().Match<(string Status, string Reason, string Message)>(
            d => d.Status == "False" && d.Reason == "DeliveriesHealthy" && d.Message.Contains("1 being retried"));
    }

    [Test]
    public void RecordAttempt_Delivered_ReplacesTheBlocksRecord_AndKeepsTheLatestDeliveryTime()
    {
        var late = new DateTime(2026, 1, 1, 11, 0, 0, DateTimeKind.Utc);
        var early = late.AddMinutes(-30);
        var status = new MaintenanceNotifierStatus { Deliveries = [Record("bb1", "Retrying")], LastDeliveryTime = early };
        var delivered = Record("bb1", "Delivered");
        delivered.DeliveredTime = late;

        NotifierStatusRules.RecordAttempt(status, delivered);
        status.Deliveries.Should().ContainSingle().Which.Should().BeSameAs(delivered);
        status.LastDeliveryTime.Should().Be(late);

        var older = Record("bb2", "Delivered");
        older.DeliveredTime = early;
        NotifierStatusRules.RecordAttempt(status, older);
        status.LastDeliveryTime.Should().Be(late, "an outcome recorded late never moves the time back");

        NotifierStatusRules.RecordAttempt(status, Record("bb3", "Retrying"));
        status.Deliveries.Should().HaveCount(3);
        status.LastDeliveryTime.Should().Be(late);
    }

    private static DeliveryRecord Record(string block, string phase, int? code = null) =>
        new() { BuildingBlock = block, Event = "Entered", EventId = "evt_" + block, Phase = phase, ResponseCode = code, Message = "m" };
}
