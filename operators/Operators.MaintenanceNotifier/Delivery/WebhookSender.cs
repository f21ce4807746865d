using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// Makes one delivery attempt: one POST, bounded by the target's timeout (a Polly timeout strategy), its
/// outcome classified by <see cref="OutcomeClassifier"/>, traced as a <see cref="DeliveryTelemetry"/> activity. It never retries itself: retries are scheduled
/// by the reconciler through the work queue, so no worker waits for a backoff. Redirects are not followed
/// and TLS certificates are validated by the platform's default rules (never switched off).
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    /// <summary>The User-Agent of every request.</summary>
    public const string UserAgent = "maintenance-notifier";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<TimeSpan, ResiliencePipeline> _pipelines = new();

    /// <summary>Initializes a new instance of the <see cref="WebhookSender"/> class with its own connection pool.</summary>
    /// <param name="time">The clock of timeouts and signature timestamps.</param>
    public WebhookSender(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _http = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The handler of every request: no redirects, no cookies, default certificate validation.</summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>POSTs <paramref name="message"/> to <paramref name="target"/> once.</summary>
    /// <param name="target">Where and how.</param>
    /// <param name="message">What.</param>
    /// <param name="cancellationToken">Cancels on shutdown (then the exception propagates; it is not an outcome).</param>
    /// <returns>The classified outcome.</returns>
    public async Task<AttemptOutcome> SendAsync(WebhookTarget target, WebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        using var activity = DeliveryTelemetry.Source.StartActivity("webhook POST", ActivityKind.Client);
        activity?.SetTag("http.request.method", "POST");
        activity?.SetTag("webhook.event_id", message.EventId);
        var pipeline = _pipelines.GetOrAdd(target.Timeout, static (timeout, time) =>
            new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build(), _time);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (state, token) =>
                {
                    using var request = state.Self.CreateRequest(state.Target, state.Message);
                    return await state.Self._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                },
                (Self: this, Target: target, Message: message),
                cancellationToken).ConfigureAwait(false);
            outcome = Outcome.FromResult(response);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(e);
        }

        try
        {
            var classified = OutcomeClassifier.Classify(outcome, target.Timeout, _time.GetUtcNow());
            activity?.SetTag("http.response.status_code", classified.StatusCode);
            activity?.SetTag("webhook.result", classified.Result.ToString());
            if (classified.Result != AttemptResult.Delivered)
            {
                activity?.SetStatus(ActivityStatusCode.Error, classified.Message);
            }

            return classified;
        }
        finally
        {
            outcome.Result?.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The request of one attempt: body, content type, idempotency key and, with a key, the signature headers.</summary>
    private HttpRequestMessage CreateRequest(WebhookTarget target, WebhookMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(message.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(message.ContentType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(UserAgent, null));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.IdempotencyKey, message.EventId);
        if (target.SigningKey is { } key)
        {
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, message.EventId);
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSignature.Sign(key, message.EventId, timestamp, message.Body));
        }

        return request;
    }
}
