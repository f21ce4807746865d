using System.Net;
using System.Text.Json.Nodes;
using Operators.LocalRun;

namespace Operators.Soak;

/// <summary>
/// The soak's own access to the API server, which suffers the injected faults too: every call is retried
/// on transient failures (connection refused or reset while the server restarts, timeouts, 409, 429, 5xx)
/// until <see cref="Patience"/> has passed.
/// </summary>
internal sealed class ResilientApi(ApiHttpClient api, TimeProvider time)
{
    /// <summary>The path of the custom resources of the samples' namespace.</summary>
    public const string CustomResources = "/apis/openstack.operators.dev/v1alpha1/namespaces/" + SoakSystem.Namespace + "/";

    /// <summary>Gets how long a call keeps trying.</summary>
    /// <value>The default value is 90 seconds.</value>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Reads an object or list.</summary>
    /// <param name="path">The path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    /// <exception cref="SoakApiException">It did not answer 200 within <see cref="Patience"/>, or answered a permanent error.</exception>
    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(path, ct => api.GetAsync(path, ct), cancellationToken)).Body as JsonObject
            ?? throw new SoakApiException($"GET {path}: the answer is not a JSON object");

    /// <summary>Reads the items of a list.</summary>
    /// <param name="path">The collection path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string path, CancellationToken cancellationToken) =>
        [.. ((await GetAsync(path, cancellationToken))["items"] as JsonArray ?? []).OfType<JsonObject>()];

    /// <summary>Sends a JSON merge patch.</summary>
    /// <param name="path">The object path.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the patch was applied.</returns>
    public Task PatchAsync(string path, JsonNode patch, CancellationToken cancellationToken) =>
        SendAsync(path, ct => api.MergePatchAsync(path, patch.DeepClone(), ct), cancellationToken);

    /// <summary>POSTs to an admin endpoint of the local API server (<c>/_local/...</c>).</summary>
    /// <param name="path">The path with its query.</param>
    /// <param name="body">The body; null for an empty object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted it.</returns>
    public Task PostAsync(string path, JsonObject? body, CancellationToken cancellationToken) =>
        SendAsync(path, ct => api.CreateAsync(path, (JsonObject?)body?.DeepClone() ?? [], ct), cancellationToken);

    /// <summary>DELETEs a path (e.g. <c>/_local/faults</c>).</summary>
    /// <param name="path">The path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted it.</returns>
    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(path, ct => api.DeleteAsync(path, ct), cancellationToken);

    /// <summary>Reads once, without retries: for samples, which may miss a beat.</summary>
    /// <param name="path">The path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, or null when the call failed.</returns>
    public async Task<JsonObject?> TryGetOnceAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var response = await api.GetAsync(path, cancellationToken);
            return response.IsSuccess ? response.Body as JsonObject : null;
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            return null;
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)code >= 500;

    private async Task<ApiResponse> SendAsync(string path, Func<CancellationToken, Task<ApiResponse>> send, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(250);
        var last = "no answer";
        while (true)
        {
            try
            {
                var response = await send(cancellationToken);
                if (response.IsSuccess)
                {
                    return response;
                }

                if (!IsTransient(response.StatusCode))
                {
                    throw new SoakApiException($"{path}: {response.Describe()}");
                }

                last = response.Describe();
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                last = e.Message;
            }

            if (time.GetElapsedTime(started) > Patience)
            {
                throw new SoakApiException($"{path}: no success within {Patience.TotalSeconds:0} s (last: {last})");
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }
}
