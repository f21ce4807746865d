using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Polly;
using Polly.Timeout;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// Classifies an attempt's Polly <see cref="Outcome{TResult}"/>: 2xx delivered; transport errors, timeouts,
/// 408, 429 and 5xx retryable (<see cref="IsTransient"/>); 410 gone; everything else (other 4xx, 1xx, a 3xx
/// redirect, which is never followed) failed at once. Messages are built from status codes and error
/// categories only, never from exception texts, which may name the URL.
/// </summary>
internal static partial class OutcomeClassifier
{
    /// <summary>The outcomes worth another attempt, as a Polly predicate.</summary>
    public static readonly Predicate<Outcome<HttpResponseMessage>> IsTransient = new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(response => IsTransientStatus((int)response.StatusCode))
        .Build();

    /// <summary>Whether a status code is retried: 408, 429 and every 5xx.</summary>
    /// <param name="code">The status code.</param>
    /// <returns><see langword="true"/> when retried.</returns>
    public static bool IsTransientStatus(int code) => code is 408 or 429 or >= 500 and <= 599;

    /// <summary>Classifies an attempt's outcome.</summary>
    /// <param name="outcome">The response, or the exception the attempt ended with.</param>
    /// <param name="timeout">The attempt's timeout, for the message.</param>
    /// <param name="now">The current time, to read a <c>Retry-After</c> date.</param>
    /// <returns>The classified outcome.</returns>
    public static AttemptOutcome Classify(Outcome<HttpResponseMessage> outcome, TimeSpan timeout, DateTimeOffset now)
    {
        if (outcome.Exception is { } exception)
        {
            var message = exception switch
            {
                TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s"),
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "transport error: name resolution failed",
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "transport error: connection failed",
                HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } request => "transport error: TLS handshake failed" + CertificateProblem(request),
                HttpRequestException request => $"transport error: {request.HttpRequestError}",
                _ => $"transport error: {exception.GetType().Name}",
            };
            return new AttemptOutcome(AttemptResult.Retryable, null, null, message);
        }

        var response = outcome.Result!;
        var code = (int)response.StatusCode;
        var text = Describe(code);
        if (code is >= 200 and <= 299)
        {
            return new AttemptOutcome(AttemptResult.Delivered, code, null, text);
        }

        if (code == (int)HttpStatusCode.Gone)
        {
            return new AttemptOutcome(AttemptResult.Gone, code, null, text + ": the endpoint is gone");
        }

        if (IsTransient(outcome))
        {
            return new AttemptOutcome(AttemptResult.Retryable, code, RetryAfter(response.Headers.RetryAfter, now), text);
        }

        return code is >= 300 and <= 399
            ? new AttemptOutcome(AttemptResult.Failed, code, null, text + ": redirects are not followed")
            : new AttemptOutcome(AttemptResult.Failed, code, null, text);
    }

    /// <summary>
    /// What the platform found wrong with the webhook's certificate, e.g. <c>: the certificate is not trusted
    /// (UntrustedRoot)</c>. Only the platform's policy-error or chain-status names are taken from the
    /// <see cref="AuthenticationException"/> (letters, commas and blanks, so never a URL); without them the text
    /// says what is most likely.
    /// </summary>
    /// <param name="exception">The failed request.</param>
    /// <returns>The text to append to "TLS handshake failed".</returns>
    private static string CertificateProblem(HttpRequestException exception)
    {
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException { Message: var text } && text.Contains("remote certificate", StringComparison.OrdinalIgnoreCase))
            {
                var names = text[(text.LastIndexOf(':') + 1)..].Trim().TrimEnd('.');
                return PolicyNames().IsMatch(names) ? $": the webhook's certificate was rejected ({names})" : ": the webhook's certificate was rejected";
            }
        }

        return " (certificate not trusted?)";
    }

    /// <summary>Reads <c>Retry-After</c>: seconds, or an HTTP date (a date in the past reads as zero).</summary>
    /// <param name="header">The header, if the answer had one.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The wait, or null when the header is absent.</returns>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(int code) =>
        Enum.IsDefined((HttpStatusCode)code)
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {code} {(HttpStatusCode)code}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {code}");

    [GeneratedRegex("^[A-Za-z][A-Za-z, ]{0,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNames();
}
