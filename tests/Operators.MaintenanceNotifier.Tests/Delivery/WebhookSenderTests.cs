using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.MaintenanceNotifier.Delivery;
using Operators.MaintenanceNotifier.Tests.Integration;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class WebhookSenderTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1767261600);

    [Test]
    public void CreateHandler_FollowsNoRedirects_AndKeepsDefaultCertificateValidation()
    {
        using var handler = WebhookSender.CreateHandler();

        handler.AllowAutoRedirect.Should().BeFalse();
        handler.SslOptions.RemoteCertificateValidationCallback.Should().BeNull("certificates are validated by the platform's rules");
        handler.UseCookies.Should().BeFalse();
    }

    [Test]
    public async Task SendAsync_SignsWithTheClocksTime_AndSendsTheIdempotencyKey()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new WebhookSender(new FakeTimeProvider(Start));
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var body = Encoding.UTF8.GetBytes("""{"specversion":"1.0"}""");

        var outcome = await sender.SendAsync(Target(receiver, key, TimeSpan.FromSeconds(5)), new WebhookMessage("evt_1", body, "application/cloudevents+json"), CancellationToken.None);

        outcome.Should().Be(new AttemptOutcome(AttemptResult.Delivered, 200, null, "HTTP 200 OK"));
        var request = receiver.All.Should().ContainSingle().Subject;
        request.Header("webhook-timestamp").Should().Be("1767261600");
        request.Header("webhook-id").Should().Be("evt_1");
        request.Header("Idempotency-Key").Should().Be("evt_1");
        request.Header("User-Agent").Should().Be("maintenance-notifier");
        request.Header("webhook-signature").Should().Be("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evt_1.1767261600." + request.Text))));
    }

    [Test]
    public async Task SendAsync_WithoutKey_SendsNoSignatureHeaders()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = new WebhookSender(new FakeTimeProvider(Start));

        await sender.SendAsync(Target(receiver, null, TimeSpan.FromSeconds(5)), new WebhookMessage("evt_2", [], "application/json"), CancellationToken.None);

        var request = receiver.All.Should().ContainSingle().Subject;
        request.Header("Idempotency-Key").Should().Be("evt_2");
        request.Headers.Keys.Should().NotContain(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    }

    [Test]
    public async Task SendAsync_WhenTheClockPassesTheTimeout_ReturnsARetryableTimeout()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script("/hook", new ScriptedResponse(200, Delay: TimeSpan.FromSeconds(30)));
        var time = new FakeTimeProvider(Start);
        using var sender = new WebhookSender(time);

        var attempt = sender.SendAsync(Target(receiver, null, TimeSpan.FromSeconds(2)), new WebhookMessage("evt_3", [], "application/json"), CancellationToken.None);
        await Eventually.HoldsAsync(() => receiver.All.Count == 1, "the request arrived");
        time.Advance(TimeSpan.FromSeconds(2));

        (await attempt).Should().Be(new AttemptOutcome(AttemptResult.Retryable, null, null, "timed out after 2 s"));
    }

    private static WebhookTarget Target(WebhookReceiver receiver, byte[]? key, TimeSpan timeout) =>
        new(receiver.Url("/hook"), "127.0.0.1", "CloudEvent", key, timeout);
}
