using System.Text;
using FluentAssertions;
using Operators.MaintenanceNotifier.Delivery;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class WebhookSignatureTests
{
    private const string Key = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Test]
    public void Sign_MatchesTheTestVectorOfTheDesign()
    {
        const string body = """{"specversion":"1.0","id":"evt_4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99","type":"dev.operators.openstack.buildingblock.maintenance.entered"}""";
        WebhookSignature.TryParseKey(Key, out var key).Should().BeTrue();

        WebhookSignature.Sign(key, "evt_4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99", 1767261600, Encoding.UTF8.GetBytes(body))
            .Should().Be("v1,x33vgDoJl5blAgtalczurEj7VuVTUoa+kHH3wN9SBXw=");
    }

    [Test]
    public void TryParseKey_ReadsTheBytesAfterThePrefix_IgnoringSurroundingWhitespace()
    {
        WebhookSignature.TryParseKey(Key + "\n", out var key).Should().BeTrue();

        key.Should().Equal(Enumerable.Range(0, 32).Select(i => (byte)i));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("whsec_")]
    [TestCase("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    [TestCase("whsec_not base64!")]
    public void TryParseKey_RejectsAnythingButWhsecBase64(string? text)
    {
        WebhookSignature.TryParseKey(text, out _).Should().BeFalse();
    }
}
