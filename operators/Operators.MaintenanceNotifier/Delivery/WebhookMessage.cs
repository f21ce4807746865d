namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>One notification, ready to POST: the same bytes on every attempt.</summary>
/// <param name="EventId">The event id: <c>Idempotency-Key</c> and <c>webhook-id</c>.</param>
/// <param name="Body">The body.</param>
/// <param name="ContentType"><c>application/cloudevents+json</c> or <c>application/json</c>.</param>
internal sealed record WebhookMessage(string EventId, byte[] Body, string ContentType);
