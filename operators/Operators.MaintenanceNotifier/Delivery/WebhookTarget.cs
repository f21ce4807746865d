namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>A subscription's webhook, resolved from the spec and its Secrets.</summary>
/// <param name="Url">Where to POST. May be a credential (from a Secret): never log or report it.</param>
/// <param name="Description">How messages name the target: the URL's host, or "the URL from secret X".</param>
/// <param name="Format"><c>CloudEvent</c> or <c>Slack</c>.</param>
/// <param name="SigningKey">The HMAC key; null when requests are not signed. A secret.</param>
/// <param name="Timeout">The limit of one attempt.</param>
internal sealed record WebhookTarget(Uri Url, string Description, string Format, byte[]? SigningKey, TimeSpan Timeout);
