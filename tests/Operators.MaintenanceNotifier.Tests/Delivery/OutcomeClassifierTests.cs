using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Operators.MaintenanceNotifier.Delivery;
using Polly;
using Polly.Timeout;

namespace Operators.MaintenanceNotifier.Tests.Delivery;

public sealed class OutcomeClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [TestCase(200, "Delivered")]
    [TestCase(202, "Delivered")]
    [TestCase(204, "Delivered")]
    [TestCase(408, "Retryable")]
    [TestCase(429, "Retryable")]
    [TestCase(500, "Retryable")]
    [TestCase(502, "Retryable")]
    [TestCase(503, "Retryable")]
    [TestCase(504, "Retryable")]
    [TestCase(400, "Failed")]
    [TestCase(401, "Failed")]
    [TestCase(403, "Failed")]
    [TestCase(404, "Failed")]
    [TestCase(422, "Failed")]
    [TestCase(301, "Failed")]
    [TestCase(302, "Failed")]
    [TestCase(307, "Failed")]
    [TestCase(410, "Gone")]
    public void Classify_MapsStatusCodes(int code, string expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)code);

        var outcome = OutcomeClassifier.Classify(Outcome.FromResult(response), TimeSpan.FromSeconds(10), Now);

        outcome.Result.Should().Be(Enum.Parse<AttemptResult>(expected));
        outcome.StatusCode.Should().Be(code);
        outcome.Message.Should().StartWith($"HTTP {code}");
    }

    [Test]
    public void Classify_SaysRedirectsAreNotFollowed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Found);

        OutcomeClassifier.Classify(Outcome.FromResult(response), TimeSpan.FromSeconds(1), Now).Message.Should().Contain("not followed");
    }

    [Test]
    public void Classify_RetriesTimeoutsAndTransportErrors_WithoutTheirTexts()
    {
        var timeout = OutcomeClassifier.Classify(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), TimeSpan.FromSeconds(3), Now);
        var refused = OutcomeClassifier.Classify(
            Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (secret.example:443)")),
            TimeSpan.FromSeconds(3),
            Now);

        timeout.Should().Be(new AttemptOutcome(AttemptResult.Retryable, null, null, "timed out after 3 s"));
        refused.Result.Should().Be(AttemptResult.Retryable);
        refused.Message.Should().Be("transport error: connection failed");
    }

    [Test]
    public void Classify_ReadsRetryAfterOfA429()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        OutcomeClassifier.Classify(Outcome.FromResult(response), TimeSpan.FromSeconds(1), Now).RetryAfter.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Test]
    public void RetryAfter_ReadsSecondsAndHttpDates()
    {
        OutcomeClassifier.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now).Should().Be(TimeSpan.FromSeconds(7));
        OutcomeClassifier.RetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(30)), Now).Should().Be(TimeSpan.FromSeconds(30));
        OutcomeClassifier.RetryAfter(new RetryConditionHeaderValue(Now.AddSeconds(-30)), Now).Should().Be(TimeSpan.Zero);
        OutcomeClassifier.RetryAfter(null, Now).Should().BeNull();
        RetryConditionHeaderValue.Parse("Thu, 01 Jan 2026 10:00:09 GMT").Date.Should().NotBeNull("HTTP dates parse");
        OutcomeClassifier.RetryAfter(RetryConditionHeaderValue.Parse("Thu, 01 Jan 2026 10:00:09 GMT"), Now).Should().Be(TimeSpan.FromSeconds(9));
    }
}
