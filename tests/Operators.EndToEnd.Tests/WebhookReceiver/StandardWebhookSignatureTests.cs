using System.Text;
using FluentAssertions;
using Operators.WebhookReceiver;

namespace Operators.EndToEnd.Tests.WebhookReceiver;

public class StandardWebhookSignatureTests
{
    // The test vector of DESIGN.md 6.3.
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string Id = "evt_4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99";
    private const string Timestamp = "1767261600";
    private const string Expected = "v1,x33vgDoJl5blAgtalczurEj7VuVTUoa+kHH3wN9SBXw=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"specversion":"1.0","id":"evt_4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99","type":"dev.operators.openstack.buildingblock.maintenance.entered"}""");

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1767261600);

    [Test]
    public void Sign_WithTheDesignTestVector_GivesTheDocumentedSignature()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Sign(key, Id, Timestamp, Body).Should().Be(Expected);
    }

    [Test]
    public void Verify_WhenTheSignatureMatches_IsValid()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Verify(key, Id, Timestamp, Expected, Body, SentAt.AddSeconds(30)).Should().Be(SignatureCheck.Valid);
    }

    [Test]
    public void Verify_WhenOneOfSeveralSignaturesMatches_IsValid()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Verify(key, Id, Timestamp, "v1,AAAA " + Expected, Body, SentAt).Should().Be(SignatureCheck.Valid);
    }

    [Test]
    public void Verify_WhenTheBodyWasChanged_IsInvalid()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;

        StandardWebhookSignature.Verify(key, Id, Timestamp, Expected, tampered, SentAt).Should().Be(SignatureCheck.Invalid);
    }

    [Test]
    public void Verify_WhenTheKeyDiffers_IsInvalid()
    {
        var other = new byte[32];

        StandardWebhookSignature.Verify(other, Id, Timestamp, Expected, Body, SentAt).Should().Be(SignatureCheck.Invalid);
    }

    [Test]
    public void Verify_WhenTheTimestampIsOld_IsExpired()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Verify(key, Id, Timestamp, Expected, Body, SentAt.AddMinutes(6)).Should().Be(SignatureCheck.Expired);
    }

    [Test]
    public void Verify_WithoutSignatureHeader_IsUnsigned()
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Verify(key, Id, Timestamp, null, Body, SentAt).Should().Be(SignatureCheck.Unsigned);
    }

    [TestCase(null, Timestamp)]
    [TestCase(Id, null)]
    [TestCase(Id, "yesterday")]
    public void Verify_WhenIdOrTimestampIsMissing_IsInvalid(string? id, string? timestamp)
    {
        var key = StandardWebhookSignature.ParseKey(Secret);

        StandardWebhookSignature.Verify(key, id, timestamp, Expected, Body, SentAt).Should().Be(SignatureCheck.Invalid);
    }

    [TestCase("AAECAwQF")]
    [TestCase("whsec_")]
    [TestCase("whsec_not base64!")]
    public void ParseKey_WhenNotWhsecBase64_Throws(string secret)
    {
        var parse = () => StandardWebhookSignature.ParseKey(secret);

        parse.Should().Throw<FormatException>();
    }
}
