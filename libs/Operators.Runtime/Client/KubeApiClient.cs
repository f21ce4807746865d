using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Operators.Runtime.Client;

/// <summary>
/// The shared request path to one API server: authenticates through the <see cref="Kubernetes"/> client's
/// credentials and <see cref="HttpClient"/>, waits for the client-side token bucket, retries transient failures
/// through a Polly pipeline, and records <see cref="RestClientMetrics"/>. Hands out typed
/// <see cref="IResourceClient{T}"/>s. Thread-safe; one per process.
/// </summary>
public sealed class KubeApiClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("operators.request");

    private readonly TokenBucket _bucket;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RestClientMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _host;
    private readonly ProductInfoHeaderValue? _userAgent;

    /// <summary>Initializes a new instance of the <see cref="KubeApiClient"/> class.</summary>
    /// <param name="kubernetes">The configured client whose base address, credentials and HTTP handlers are used; not disposed here.</param>
    /// <param name="options">Rate limit and retry settings; defaults when null.</param>
    /// <param name="typeInfoResolver">Source-generated JSON metadata of custom resource types (e.g. a <c>JsonSerializerContext</c>); built-in types need none.</param>
    /// <param name="timeProvider">The clock for rate limiting, retry delays and timeouts.</param>
    /// <param name="metrics">Where to record requests; the default registry when null.</param>
    /// <param name="logger">Logs retries.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public KubeApiClient(
        Kubernetes kubernetes,
        KubeApiClientOptions? options = null,
        IJsonTypeInfoResolver? typeInfoResolver = null,
        TimeProvider? timeProvider = null,
        RestClientMetrics? metrics = null,
        ILogger<KubeApiClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        options ??= new KubeApiClientOptions();
        var validation = new KubeApiClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(KubeApiClientOptions), typeof(KubeApiClientOptions), validation.Failures);
        }

        Kubernetes = kubernetes;
        JsonOptions = KubeJson.CreateOptions(typeInfoResolver);
        _time = timeProvider ?? TimeProvider.System;
        _metrics = metrics ?? new RestClientMetrics();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _bucket = new TokenBucket(options.Qps, options.Burst, _time);
        _host = kubernetes.BaseUri.Authority;
        _pipeline = RequestPipeline.Build(options, _time, OnRetry);
        _userAgent = options.UserAgent is { Length: > 0 } text && ProductInfoHeaderValue.TryParse(text, out var agent) ? agent : null;
    }

    /// <summary>Gets the underlying client (base address, credentials, HTTP handlers).</summary>
    public Kubernetes Kubernetes { get; }

    /// <summary>Gets the JSON options: the caller's metadata first, then the built-in types.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Returns a typed client for <typeparamref name="T"/>, named by its <see cref="KubernetesEntityAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The type has no attribute or no JSON metadata.</exception>
    public IResourceClient<T> For<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> => For<T>(ResourceType.For<T>());

    /// <summary>Returns a typed client for <typeparamref name="T"/> at an explicit resource.</summary>
    /// <exception cref="InvalidOperationException">The type has no JSON metadata.</exception>
    public IResourceClient<T> For<T>(ResourceType resourceType)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        return new ResourceClient<T>(this, resourceType, KubeJson.TypeInfo<T>(JsonOptions));
    }

    /// <summary>Sends a request; returns a success response or throws <see cref="KubernetesApiException"/>.</summary>
    internal async Task<HttpResponseMessage> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var activity = KubeApiClientTelemetry.Start(request.Method.Method, request.PathAndQuery);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, self) => self.SendOnceAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        KubeApiClientTelemetry.Stop(activity, outcome.Result is { } answer ? (int)answer.StatusCode : null, outcome.Exception?.GetType().Name);
        outcome.ThrowIfException();
        var response = outcome.Result!;

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ApiResponses.ToExceptionAsync(response, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Serializes a body with the client's JSON metadata.</summary>
    internal byte[] Serialize<TBody>(TBody body) => JsonSerializer.SerializeToUtf8Bytes(body, KubeJson.TypeInfo<TBody>(JsonOptions));

    private async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }

        using var message = new HttpRequestMessage(request.Method, new Uri(Kubernetes.BaseUri, request.PathAndQuery));
        message.Headers.Accept.Add(Json);
        if (_userAgent is { } userAgent)
        {
            message.Headers.UserAgent.Add(userAgent);
        }
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/json");
        }

        var timeout = request.IsWatch ? Timeout.InfiniteTimeSpan : Kubernetes.HttpClientTimeout;
        using var timeoutSource = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var method = request.Method.Method;
        var started = _time.GetTimestamp();
        try
        {
            if (Kubernetes.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(message, linked.Token).ConfigureAwait(false);
            }

            var completion = request.IsWatch ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            var response = await Kubernetes.HttpClient.SendAsync(message, completion, linked.Token).ConfigureAwait(false);
            _metrics.Observe(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), method, _host, _time.GetElapsedTime(started));
            return Outcome.FromResult(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.Observe(RestClientMetrics.ErrorCode, method, _host, _time.GetElapsedTime(started));
            return Outcome.FromException<HttpResponseMessage>(new TimeoutException($"{method} {request.PathAndQuery} timed out after {timeout}."));
        }
        catch (OperationCanceledException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }
        catch (Exception e) when (RetryClassifier.IsTransportError(e))
        {
            _metrics.Observe(RestClientMetrics.ErrorCode, method, _host, _time.GetElapsedTime(started));
            return Outcome.FromException<HttpResponseMessage>(e);
        }
    }

    private void OnRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeSpan delay, int attempt)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var request = context.Properties.GetValue(RequestKey, null!);
            var what = outcome.Exception?.GetType().Name ?? ((int)outcome.Result!.StatusCode).ToString(CultureInfo.InvariantCulture);
            Log.RequestRetry(_logger, request.Method.Method, request.PathAndQuery, delay, attempt + 1, what);
        }
    }
}
