using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The webhook that receives the notifications.</summary>
public sealed class WebhookSpec
{
    /// <summary>The default of <see cref="TimeoutSeconds"/>.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>The URL to POST to. Exactly one of <c>url</c> and <c>urlSecretRef</c>.</summary>
    [JsonPropertyName("url")]
    [StringLength(2048)]
    [RegularExpression("^https?://")]
    public string? Url { get; set; }

    /// <summary>A Secret key holding the URL, for URLs that are credentials (Slack). Exactly one of <c>url</c> and <c>urlSecretRef</c>.</summary>
    [JsonPropertyName("urlSecretRef")]
    public SecretKeyReference? UrlSecretRef { get; set; }

    /// <summary>The body: <c>CloudEvent</c> (structured JSON) or <c>Slack</c> (<c>{"text": ...}</c>).</summary>
    [JsonPropertyName("format")]
    [AllowedValues(WebhookFormats.CloudEvent, WebhookFormats.Slack)]
    [DefaultValue(WebhookFormats.CloudEvent)]
    public string? Format { get; set; }

    /// <summary>A Secret key holding the HMAC-SHA256 signing key (<c>whsec_&lt;base64&gt;</c>); absent: requests are not signed.</summary>
    [JsonPropertyName("signingSecretRef")]
    public SecretKeyReference? SigningSecretRef { get; set; }

    /// <summary>Seconds one attempt may take.</summary>
    [JsonPropertyName("timeoutSeconds")]
    [Range(1, 60)]
    [DefaultValue(DefaultTimeoutSeconds)]
    public int? TimeoutSeconds { get; set; }
}
