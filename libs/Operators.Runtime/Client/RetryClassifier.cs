using System.Net;
using System.Net.Http.Headers;

namespace Operators.Runtime.Client;

/// <summary>
/// Decides which failures are worth another attempt: 429 Too Many Requests, 5xx except 501 and 505,
/// and transport errors (connection refused or reset, timeouts). Never other 4xx, never the caller's own
/// cancellation.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>Whether a response status is transient.</summary>
    public static bool IsRetryable(HttpStatusCode statusCode) =>
        statusCode == HttpStatusCode.TooManyRequests ||
        ((int)statusCode >= 500 && statusCode is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>Whether an exception thrown by an attempt is transient.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="callerToken">The caller's token: its cancellation is never retried.</param>
    public static bool IsRetryable(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        TimeoutException => true,
        _ => IsTransportError(exception),
    };

    /// <summary>
    /// Whether an exception is the connection failing: HTTP, stream and socket errors (a connection reset while
    /// being set up can surface from <see cref="HttpClient"/> as a bare <see cref="System.Net.Sockets.SocketException"/>).
    /// </summary>
    /// <param name="exception">The exception.</param>
    public static bool IsTransportError(Exception exception) =>
        exception is HttpRequestException or IOException or System.Net.Sockets.SocketException;

    /// <summary>The delay the server asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
