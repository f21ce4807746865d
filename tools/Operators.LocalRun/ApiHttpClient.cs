using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>
/// A small JSON-over-HTTP client for the local API server: enough to apply manifests of any kind
/// (create, merge patch), read discovery and wait for health. Typed reads use the runtime's client.
/// </summary>
internal sealed class ApiHttpClient : IDisposable
{
    private const string MergePatch = "application/merge-patch+json";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="ApiHttpClient"/> class.</summary>
    /// <param name="baseAddress">The server, e.g. <c>http://127.0.0.1:6443/</c>.</param>
    /// <param name="time">The clock for waits.</param>
    /// <param name="bearerToken">The token sent with every request, for a server that checks tokens; null for none.</param>
    public ApiHttpClient(Uri baseAddress, TimeProvider? time = null, string? bearerToken = null)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("operators-local-run", "1.0"));
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the server's address.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>GETs a path.</summary>
    /// <param name="path">The path, e.g. <c>/api/v1</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), cancellationToken);

    /// <summary>POSTs an object to a collection.</summary>
    /// <param name="path">The collection path.</param>
    /// <param name="body">The object.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public Task<ApiResponse> CreateAsync(string path, JsonObject body, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = Json(body, "application/json") }, cancellationToken);

    /// <summary>Sends a JSON merge patch to an object.</summary>
    /// <param name="path">The object path.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public Task<ApiResponse> MergePatchAsync(string path, JsonNode patch, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, Relative(path)) { Content = Json(patch, MergePatch) }, cancellationToken);

    /// <summary>DELETEs an object.</summary>
    /// <param name="path">The object path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, Relative(path)), cancellationToken);

    /// <summary>Polls <paramref name="path"/> until it answers 200.</summary>
    /// <param name="path">The path, e.g. <c>/readyz</c> or a collection of a CRD just created.</param>
    /// <param name="timeout">How long to try.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when it answered 200.</returns>
    /// <exception cref="LaunchException">It did not within <paramref name="timeout"/>.</exception>
    public async Task WaitForOkAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        string last = "no answer";
        while (true)
        {
            try
            {
                var response = await GetAsync(path, cancellationToken);
                if (response.IsSuccess)
                {
                    return;
                }

                last = response.Describe();
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            if (_time.GetTimestamp() > deadline)
            {
                throw new LaunchException($"{BaseAddress}{path.TrimStart('/')} did not answer 200 within {timeout.TotalSeconds:0} s (last: {last})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private static StringContent Json(JsonNode body, string mediaType) =>
        new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonNode? body = null;
            if (text.Length > 0)
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    body = null;
                }
            }

            return new ApiResponse(response.StatusCode, body);
        }
    }
}
