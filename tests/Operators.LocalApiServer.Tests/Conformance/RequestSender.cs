namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Sends scenario requests to the server under test and reads the answers.</summary>
internal sealed class RequestSender
{
    /// <summary>Pause between re-sends of <c>retryOn</c> and between <c>wait</c> polls without an <c>interval</c>.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(0.25);

    private readonly HttpClient _http;
    private readonly string? _bearerToken;
    private readonly TimeSpan _requestTimeout;

    /// <param name="http">A client whose base address is the server under test.</param>
    /// <param name="bearerToken">Sent as <c>Authorization: Bearer</c> when not null.</param>
    /// <param name="requestTimeout">How long one request may take before it counts as failed.</param>
    public RequestSender(HttpClient http, string? bearerToken, TimeSpan requestTimeout)
    {
        _http = http;
        _bearerToken = bearerToken;
        _requestTimeout = requestTimeout;
    }

    /// <summary>Sends once; a request that gets no answer yields <see cref="RawResponse.Failed"/>.</summary>
    public async Task<RawResponse> SendAsync(RequestSpec request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            using var message = request.ToMessage(_bearerToken);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return await RawResponse.ReadAsync(response, timeout.Token);
        }
        catch (HttpRequestException exception)
        {
            return RawResponse.Failed(exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RawResponse.Failed("no answer within " + _requestTimeout);
        }
    }

    /// <summary>Sends, and re-sends while the status is one of <paramref name="retryOn"/> for up to <paramref name="retryFor"/>.</summary>
    public async Task<RawResponse> SendWithRetryAsync(RequestSpec request, IReadOnlyCollection<int> retryOn, TimeSpan retryFor,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + retryFor;
        var response = await SendAsync(request, cancellationToken);
        while (retryOn.Contains(response.Status) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(RetryInterval, cancellationToken);
            response = await SendAsync(request, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// Opens a streaming request (its headers must arrive within the request timeout). On 200 the
    /// open response is handed back for reading; otherwise the whole answer is read and the
    /// response is already disposed.
    /// </summary>
    public async Task<(RawResponse Answer, HttpResponseMessage? Stream)> OpenStreamAsync(RequestSpec request,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersTimeout.CancelAfter(_requestTimeout);
        try
        {
            using var message = request.ToMessage(_bearerToken);
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
            headersTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
            if ((int)response.StatusCode == 200)
            {
                var stream = response;
                response = null;
                return (RawResponse.FromHeaders(stream, string.Empty), stream);
            }

            return (await RawResponse.ReadAsync(response, cancellationToken), null);
        }
        catch (HttpRequestException exception)
        {
            return (RawResponse.Failed(exception.Message), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (RawResponse.Failed("no answer within " + _requestTimeout), null);
        }
        finally
        {
            response?.Dispose();
        }
    }
}
