using System.Net;
using FluentAssertions;
using Operators.Runtime.Client;

namespace Operators.Runtime.Tests.Client;

public sealed class RetryClassifierTests
{
    [TestCase(429, true)]
    [TestCase(500, true)]
    [TestCase(502, true)]
    [TestCase(503, true)]
    [TestCase(504, true)]
    [TestCase(501, false)]
    [TestCase(505, false)]
    [TestCase(400, false)]
    [TestCase(401, false)]
    [TestCase(403, false)]
    [TestCase(404, false)]
    [TestCase(409, false)]
    [TestCase(410, false)]
    [TestCase(422, false)]
    [TestCase(200, false)]
    public void IsRetryable_ForAStatusCode(int statusCode, bool expected) =>
        RetryClassifier.IsRetryable((HttpStatusCode)statusCode).Should().Be(expected);

    [Test]
    public void IsRetryable_ForTransportErrorsAndTimeouts_IsTrue()
    {
        RetryClassifier.IsRetryable(new HttpRequestException("refused"), CancellationToken.None).Should().BeTrue();
        RetryClassifier.IsRetryable(new IOException("reset"), CancellationToken.None).Should().BeTrue();
        RetryClassifier.IsRetryable(new System.Net.Sockets.SocketException(107), CancellationToken.None).Should().BeTrue("a connection that broke while being set up can surface unwrapped");
        RetryClassifier.IsRetryable(new TimeoutException(), CancellationToken.None).Should().BeTrue();
    }

    [Test]
    public void IsRetryable_ForTheCallersCancellation_IsFalse()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        RetryClassifier.IsRetryable(new OperationCanceledException(cancelled.Token), cancelled.Token).Should().BeFalse();
    }

    [Test]
    public void IsRetryable_ForOtherExceptions_IsFalse() =>
        RetryClassifier.IsRetryable(new InvalidOperationException(), CancellationToken.None).Should().BeFalse();

    [Test]
    public void RetryAfter_ReadsSecondsAndDates()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage();
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(3));
        using var none = new HttpResponseMessage();

        RetryClassifier.RetryAfter(seconds.Headers, now).Should().Be(TimeSpan.FromSeconds(7));
        RetryClassifier.RetryAfter(date.Headers, now).Should().Be(TimeSpan.FromSeconds(3));
        RetryClassifier.RetryAfter(none.Headers, now).Should().BeNull();
    }
}
