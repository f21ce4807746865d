using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>How a delivery is retried: exponential backoff with jitter, at most <see cref="MaxAttempts"/> attempts.</summary>
public sealed class RetrySpec
{
    /// <summary>The default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>The default of <see cref="InitialBackoffSeconds"/>.</summary>
    public const int DefaultInitialBackoffSeconds = 5;

    /// <summary>The default of <see cref="MaxBackoffSeconds"/>.</summary>
    public const int DefaultMaxBackoffSeconds = 300;

    /// <summary>Attempts per event, the first included.</summary>
    [JsonPropertyName("maxAttempts")]
    [Range(1, 20)]
    [DefaultValue(DefaultMaxAttempts)]
    public int? MaxAttempts { get; set; }

    /// <summary>The backoff before the second attempt, in seconds.</summary>
    [JsonPropertyName("initialBackoffSeconds")]
    [Range(1, 300)]
    [DefaultValue(DefaultInitialBackoffSeconds)]
    public int? InitialBackoffSeconds { get; set; }

    /// <summary>The longest backoff, in seconds.</summary>
    [JsonPropertyName("maxBackoffSeconds")]
    [Range(1, 3600)]
    [DefaultValue(DefaultMaxBackoffSeconds)]
    public int? MaxBackoffSeconds { get; set; }
}
