using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>Certificates are verified: a receiver whose certificate nobody trusts never gets the notification.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TlsTests
{
    [Test]
    public async Task AReceiverWithAnUntrustedCertificate_GetsNothing_AndTheAttemptFails()
    {
        using var certificate = SelfSigned();
        await using var receiver = await WebhookReceiver.StartAsync(certificate);
        await using var scenario = await NotifierScenario.StartAsync("tls");
        await scenario.CreateBlockAsync("bb091");
        await scenario.CreateNotifierAsync("tls", new WebhookSpec { Url = receiver.Url("/hook").ToString() }, spec =>
            spec.Retry = new RetrySpec { MaxAttempts = 1 });
        await scenario.WaitForConditionAsync("tls", "Ready", "True", "Subscribed");

        await scenario.EnterAsync("bb091");

        var record = await scenario.WaitForRecordAsync("tls", "bb091", r => r.Phase == "Failed", "failed");
        record.Message.Should().Contain("TLS handshake failed");
        record.ResponseCode.Should().BeNull();
        receiver.All.Should().BeEmpty();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
