using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Operators.WebhookReceiver;

namespace Operators.EndToEnd.Tests.WebhookReceiver;

public class NotificationReceiverTests
{
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string CloudEvent = """{"specversion":"1.0","id":"evt_1","type":"t.entered","data":{"buildingBlock":"bb091","event":"Entered"}}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly List<ReceivedNotification> _printed = [];
    private NotificationReceiver _receiver = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _printed.Clear();
        _receiver = await NotificationReceiver.StartAsync(new NotificationReceiverOptions
        {
            Port = 0,
            SigningSecret = Secret,
            TimeProvider = _time,
            OnReceived = n => { lock (_printed) { _printed.Add(n); } },
        });
        _http = new HttpClient { BaseAddress = _receiver.BaseAddress };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task Post_WithAValidSignature_IsAcceptedAndRecorded()
    {
        using var response = await _http.SendAsync(Signed("evt_1", CloudEvent));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = _receiver.Received.Should().ContainSingle().Subject;
        received.Should().BeEquivalentTo(new
        {
            Path = "/openstack/maintenance",
            Id = "evt_1",
            Format = NotificationBody.CloudEvent,
            Event = "Entered",
            BuildingBlock = "bb091",
            Signature = SignatureCheck.Valid,
            Duplicate = false,
            StatusCode = 200,
        });
        _printed.Should().ContainSingle();
    }

    [Test]
    public async Task Post_WithAWrongSignature_IsRejectedWith401()
    {
        using var request = Signed("evt_1", CloudEvent);
        request.Content = new StringContent(CloudEvent.Replace("Entered", "Left", StringComparison.Ordinal), Encoding.UTF8, "application/cloudevents+json");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _receiver.Received.Should().ContainSingle().Which.Signature.Should().Be(SignatureCheck.Invalid);
    }

    [Test]
    public async Task Post_OfTheSameIdTwice_MarksTheSecondAsDuplicateAndStillAnswers200()
    {
        using var first = await _http.SendAsync(Signed("evt_1", CloudEvent));
        using var second = await _http.SendAsync(Signed("evt_1", CloudEvent));

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        _receiver.Received.Select(r => r.Duplicate).Should().Equal(false, true);
    }

    [Test]
    public async Task Post_WithoutSignature_IsAcceptedAsUnsignedWithTheIdempotencyKeyAsId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/T000/B000/XXXX")
        {
            Content = new StringContent("""{"text":"hello"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "evt_9");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _receiver.Received.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "evt_9", Signature = SignatureCheck.Unsigned, Text = "hello" });
    }

    [Test]
    public async Task Get_IsNotAllowed()
    {
        using var response = await _http.GetAsync(new Uri("/anything", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        _receiver.Received.Should().BeEmpty();
    }

    [Test]
    public async Task Start_OnATakenPort_ThrowsPortInUse()
    {
        var start = () => NotificationReceiver.StartAsync(new NotificationReceiverOptions { Port = _receiver.BaseAddress.Port });

        (await start.Should().ThrowAsync<PortInUseException>()).Which.Message.Should().Contain(_receiver.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private HttpRequestMessage Signed(string id, string body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/openstack/maintenance")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(StandardWebhookSignature.ParseKey(Secret), id, timestamp, bytes));
        return request;
    }
}
