using Prometheus;

namespace Operators.Runtime.Client;

/// <summary>
/// The REST client metrics of client-go: <c>rest_client_requests_total{code,method,host}</c> and
/// <c>rest_client_request_duration_seconds{verb,host}</c>. Every attempt counts, retries included.
/// </summary>
public sealed class RestClientMetrics
{
    /// <summary>The name of the request counter.</summary>
    public const string RequestsTotalName = "rest_client_requests_total";

    /// <summary>The name of the request latency histogram.</summary>
    public const string RequestDurationName = "rest_client_request_duration_seconds";

    /// <summary>The <c>code</c> label of an attempt that got no HTTP answer.</summary>
    public const string ErrorCode = "<error>";

    private static readonly double[] DurationBuckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];

    private readonly Counter _requests;
    private readonly Histogram _duration;

    /// <summary>Initializes a new instance of the <see cref="RestClientMetrics"/> class.</summary>
    /// <param name="registry">The registry to publish to; the process-wide default when null.</param>
    public RestClientMetrics(CollectorRegistry? registry = null)
    {
        var factory = Metrics.WithCustomRegistry(registry ?? Metrics.DefaultRegistry);
        _requests = factory.CreateCounter(
            RequestsTotalName,
            "Number of HTTP requests, partitioned by status code, method, and host.",
            new CounterConfiguration { LabelNames = ["code", "method", "host"] });
        _duration = factory.CreateHistogram(
            RequestDurationName,
            "Request latency in seconds. Broken down by verb, and host.",
            new HistogramConfiguration { LabelNames = ["verb", "host"], Buckets = DurationBuckets });
    }

    /// <summary>Records one attempt.</summary>
    /// <param name="code">The HTTP status code, or <see cref="ErrorCode"/>.</param>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="host">The API server's <c>host:port</c>.</param>
    /// <param name="duration">How long the attempt took until the response headers (or the failure).</param>
    public void Observe(string code, string method, string host, TimeSpan duration)
    {
        _requests.WithLabels(code, method, host).Inc();
        _duration.WithLabels(method, host).Observe(duration.TotalSeconds);
    }
}
