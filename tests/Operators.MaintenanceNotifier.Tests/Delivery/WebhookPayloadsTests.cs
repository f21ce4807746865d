using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.MaintenanceNotifier.Delivery;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class WebhookPayloadsTests
{
    private static readonly DateTime At = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Build_CloudEvent_HasTheDocumentedShapeInOrder()
    {
        var block = TestBlocks.New("bb091", "openstack", "bb-uid").WithMaintenance(true, At, null);
        var transition = new MaintenanceTransition("Entered", At, "evt_0123456789abcdef0123456789abcdef");

        var message = WebhookPayloads.Build("CloudEvent", "ops-webhook", block, transition);

        message.ContentType.Should().Be("application/cloudevents+json");
        message.EventId.Should().Be(transition.EventId);
        var json = JsonNode.Parse(message.Body)!.AsObject();
        json.Select(p => p.Key).Should().Equal("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
        json["specversion"]!.GetValue<string>().Should().Be("1.0");
        json["id"]!.GetValue<string>().Should().Be(transition.EventId);
        json["source"]!.GetValue<string>().Should().Be("/apis/openstack.operators.dev/v1alpha1/namespaces/openstack/buildingblocks/bb091");
        json["type"]!.GetValue<string>().Should().Be("dev.operators.openstack.buildingblock.maintenance.entered");
        json["subject"]!.GetValue<string>().Should().Be("bb091");
        json["time"]!.GetValue<string>().Should().Be("2026-01-01T10:00:00Z");
        json["datacontenttype"]!.GetValue<string>().Should().Be("application/json");
        var data = json["data"]!.AsObject();
        data.Select(p => p.Key).Should().Equal("buildingBlock", "namespace", "uid", "availabilityZone", "event", "reason", "hosts", "notifier");
        data["uid"]!.GetValue<string>().Should().Be("bb-uid");
        data["availabilityZone"]!.GetValue<string>().Should().Be("qa-de-1a");
        data["event"]!.GetValue<string>().Should().Be("Entered");
        data["reason"]!.GetValue<string>().Should().Be("CHG0123456 BIOS update");
        data["hosts"]!.AsArray().Select(h => h!.GetValue<string>()).Should().Equal("node001-bb091", "node002-bb091");
        data["notifier"]!.GetValue<string>().Should().Be("ops-webhook");
    }

    [Test]
    public void Build_CloudEventOfALeft_HasTheLeftType()
    {
        var block = TestBlocks.New("bb091", "openstack", "u").WithMaintenance(false, At, At.AddHours(1));

        var message = WebhookPayloads.Build("CloudEvent", "n", block, new MaintenanceTransition("Left", At.AddHours(1), "evt_x"));

        JsonNode.Parse(message.Body)!["type"]!.GetValue<string>().Should().Be("dev.operators.openstack.buildingblock.maintenance.left");
    }

    [Test]
    public void Build_Slack_IsOneReadableLine()
    {
        var block = TestBlocks.New("bb091", "openstack", "u").WithMaintenance(true, At, null);

        var message = WebhookPayloads.Build("Slack", "n", block, new MaintenanceTransition("Entered", At, "evt_x"));

        message.ContentType.Should().Be("application/json");
        Encoding.UTF8.GetString(message.Body).Should().Be(
            """{"text":"Building block openstack/bb091 (zone qa-de-1a, 2 hosts) entered maintenance at 2026-01-01T10:00:00Z: CHG0123456 BIOS update"}""");
    }
}
