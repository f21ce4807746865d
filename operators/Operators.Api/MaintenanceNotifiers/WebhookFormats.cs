namespace Operators.Api.MaintenanceNotifiers;

/// <summary>The bodies a webhook can receive.</summary>
public static class WebhookFormats
{
    /// <summary>A CloudEvent in structured JSON (<c>application/cloudevents+json</c>).</summary>
    public const string CloudEvent = "CloudEvent";

    /// <summary>A Slack incoming-webhook message: <c>{"text": ...}</c>.</summary>
    public const string Slack = "Slack";
}
