namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>The headers a notification carries besides <c>Content-Type</c>.</summary>
internal static class WebhookHeaders
{
    /// <summary>The event id, on every request.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The event id, on signed requests.</summary>
    public const string Id = "webhook-id";

    /// <summary>The attempt time in unix seconds, on signed requests.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary><c>v1,&lt;base64 HMAC-SHA256&gt;</c>, on signed requests.</summary>
    public const string Signature = "webhook-signature";
}
