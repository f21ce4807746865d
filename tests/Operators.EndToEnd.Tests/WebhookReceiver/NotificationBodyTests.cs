using System.Text;
using FluentAssertions;
using Operators.WebhookReceiver;

namespace Operators.EndToEnd.Tests.WebhookReceiver;

public class NotificationBodyTests
{
    [Test]
    public void Parse_OfACloudEvent_ReadsTypeBlockEventReasonAndNotifier()
    {
        var body = """
            {"specversion":"1.0","id":"evt_1","type":"dev.operators.openstack.buildingblock.maintenance.entered","subject":"bb091",
             "data":{"buildingBlock":"bb091","event":"Entered","reason":"CHG0123456 BIOS update","notifier":"compute-oncall","hosts":["a","b"]}}
            """;

        var parsed = NotificationBody.Parse(Encoding.UTF8.GetBytes(body));

        parsed.Should().Be(new NotificationBody(
            NotificationBody.CloudEvent, "dev.operators.openstack.buildingblock.maintenance.entered", "Entered", "bb091", "CHG0123456 BIOS update", "compute-oncall", ""));
    }

    [Test]
    public void Parse_OfACloudEventWithoutData_TakesTheBlockFromTheSubject()
    {
        var parsed = NotificationBody.Parse("""{"specversion":"1.0","subject":"bb092"}"""u8);

        parsed.BuildingBlock.Should().Be("bb092");
        parsed.Event.Should().BeEmpty();
    }

    [Test]
    public void Parse_OfASlackMessage_ReadsTheText()
    {
        var parsed = NotificationBody.Parse("""{"text":"Building block openstack/bb091 entered maintenance"}"""u8);

        parsed.Format.Should().Be(NotificationBody.Slack);
        parsed.Text.Should().Be("Building block openstack/bb091 entered maintenance");
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{"hello":"world"}""")]
    public void Parse_OfAnythingElse_IsUnknown(string body)
    {
        NotificationBody.Parse(Encoding.UTF8.GetBytes(body)).Should().Be(NotificationBody.Unknown);
    }
}
