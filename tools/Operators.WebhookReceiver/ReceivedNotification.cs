namespace Operators.WebhookReceiver;

/// <summary>One request the receiver got, as it understood it.</summary>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Path">The request path (credentials in it are never printed, see <see cref="NotificationLine"/>).</param>
/// <param name="Id">The <c>webhook-id</c>, else the <c>Idempotency-Key</c>, else empty.</param>
/// <param name="Format"><c>CloudEvent</c>, <c>Slack</c> or <c>Unknown</c>.</param>
/// <param name="EventType">The CloudEvent type, e.g. <c>dev.operators.openstack.buildingblock.maintenance.entered</c>; empty for other formats.</param>
/// <param name="Event"><c>Entered</c> or <c>Left</c> when the body says so; else empty.</param>
/// <param name="BuildingBlock">The building block, when the body names it.</param>
/// <param name="Reason">The maintenance reason, when the body carries it.</param>
/// <param name="Notifier">The subscription (MaintenanceNotifier) name, when the body carries it.</param>
/// <param name="Text">The Slack text, when the body is a Slack message.</param>
/// <param name="Signature">The outcome of the signature check.</param>
/// <param name="Duplicate">Whether a request with the same id was accepted before (a resend the receiver deduplicates).</param>
/// <param name="StatusCode">The status code the receiver answered.</param>
internal sealed record ReceivedNotification(
    DateTimeOffset ReceivedAt,
    string Path,
    string Id,
    string Format,
    string EventType,
    string Event,
    string BuildingBlock,
    string Reason,
    string Notifier,
    string Text,
    SignatureCheck Signature,
    bool Duplicate,
    int StatusCode)
{
    /// <summary>Whether the receiver accepted it (2xx).</summary>
    public bool Accepted => StatusCode is >= 200 and < 300;
}
