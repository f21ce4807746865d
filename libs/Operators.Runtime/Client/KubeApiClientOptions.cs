using System.ComponentModel.DataAnnotations;
using Operators.WorkQueue;

namespace Operators.Runtime.Client;

/// <summary>Configures <see cref="KubeApiClient"/>: client-side rate limit and retries. Validated when the client is built.</summary>
public sealed class KubeApiClientOptions
{
    /// <summary>The default <see cref="Qps"/>: 20 requests per second.</summary>
    public const double DefaultQps = 20;

    /// <summary>The default <see cref="Burst"/>: 30 requests.</summary>
    public const int DefaultBurst = 30;

    /// <summary>The default <see cref="MaxRetries"/>: 5 retries after the first attempt.</summary>
    public const int DefaultMaxRetries = 5;

    /// <summary>Gets the default <see cref="RetryBaseDelay"/>: 200 ms.</summary>
    public static TimeSpan DefaultRetryBaseDelay { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets the default <see cref="MaxRetryDelay"/>: 30 s.</summary>
    public static TimeSpan DefaultMaxRetryDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the sustained request rate of the client-side token bucket (<c>--kube-api-qps</c>).</summary>
    /// <value>The default value is <see cref="DefaultQps"/>; from 0.01 to 1,000,000.</value>
    [Range(0.01, 1_000_000)]
    public double Qps { get; set; } = DefaultQps;

    /// <summary>Gets or sets how many requests may go at once after a quiet time (<c>--kube-api-burst</c>).</summary>
    /// <value>The default value is <see cref="DefaultBurst"/>; from 1 to 1,000,000.</value>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;

    /// <summary>Gets or sets how many times a request is retried after 429, 5xx or a transport error; 0 turns retries off.</summary>
    /// <value>The default value is <see cref="DefaultMaxRetries"/>; from 0 to 100.</value>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>Gets or sets the first retry delay when the server sends no <c>Retry-After</c>; it doubles per attempt, with jitter.</summary>
    /// <value>The default value is <see cref="DefaultRetryBaseDelay"/>; from 1 ms to 1 minute.</value>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = DefaultRetryBaseDelay;

    /// <summary>Gets or sets the longest backoff delay between retries (a <c>Retry-After</c> hint is honoured as sent).</summary>
    /// <value>The default value is <see cref="DefaultMaxRetryDelay"/>; from 1 ms to 10 minutes.</value>
    [TimeSpanRange("00:00:00.001", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>Gets or sets the <c>User-Agent</c> of every request, such as <c>maintenance-notifier/1.2.0</c> (a product token); none when null.</summary>
    /// <value>The default value is null; an unparsable value is not sent.</value>
    public string? UserAgent { get; set; }
}
