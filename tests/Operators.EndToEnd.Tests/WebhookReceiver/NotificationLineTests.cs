using FluentAssertions;
using Operators.WebhookReceiver;

namespace Operators.EndToEnd.Tests.WebhookReceiver;

public class NotificationLineTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 4, 5, TimeSpan.Zero);

    [TestCase("/openstack/maintenance", "/openstack/…")]
    [TestCase("/slack/T000/B000/XXXX", "/slack/…")]
    [TestCase("/hook", "/hook")]
    [TestCase("/", "/")]
    public void PublicPath_ShowsOnlyTheFirstSegment(string path, string expected)
    {
        NotificationLine.PublicPath(path).Should().Be(expected);
    }

    [Test]
    public void Format_OfASignedCloudEvent_IsOneReadableLine()
    {
        var notification = new ReceivedNotification(
            At, "/openstack/maintenance", "evt_1", NotificationBody.CloudEvent, "dev.operators.openstack.buildingblock.maintenance.entered",
            "Entered", "bb091", "CHG0123456 BIOS update", "compute-oncall", "", SignatureCheck.Valid, Duplicate: false, StatusCode: 200);

        NotificationLine.Format(notification).Should().Be(
            "10:04:05 /openstack/… CloudEvent Entered bb091 \"CHG0123456 BIOS update\" notifier=compute-oncall id=evt_1 signature=valid");
    }

    [Test]
    public void Format_OfASlackMessage_HidesTheUrlAndCutsLongText()
    {
        var notification = new ReceivedNotification(
            At, "/slack/T000/B000/XXXX", "evt_2", NotificationBody.Slack, "", "", "", "", "", new string('x', 300) + "\nmore",
            SignatureCheck.Unsigned, Duplicate: false, StatusCode: 200);

        var line = NotificationLine.Format(notification);

        line.Should().StartWith("10:04:05 /slack/… Slack \"xxx").And.Contain("…\" id=evt_2 signature=unsigned").And.NotContain("XXXX").And.NotContain("\n");
    }

    [Test]
    public void Format_OfARejectedDuplicate_SaysSo()
    {
        var notification = new ReceivedNotification(
            At, "/hook", "evt_3", "Unknown", "", "", "", "", "", "", SignatureCheck.Invalid, Duplicate: true, StatusCode: 401);

        NotificationLine.Format(notification).Should().EndWith("signature=invalid (duplicate: already received, ignored) -> rejected 401");
    }
}
