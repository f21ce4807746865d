using System.Globalization;
using System.Text.Json;
using Operators.Api;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.MaintenanceNotifier.Transitions;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>Builds the body of a notification in the subscription's format.</summary>
internal static class WebhookPayloads
{
    /// <summary>The content type of a CloudEvent in structured mode.</summary>
    public const string CloudEventContentType = "application/cloudevents+json";

    /// <summary>The content type of a Slack message.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The CloudEvent type prefix; <c>.entered</c> or <c>.left</c> follows.</summary>
    public const string EventTypePrefix = "dev.operators.openstack.buildingblock.maintenance.";

    /// <summary>Builds the message for <paramref name="transition"/> of <paramref name="block"/>.</summary>
    /// <param name="format"><c>CloudEvent</c> or <c>Slack</c>.</param>
    /// <param name="notifierName">The subscription's name.</param>
    /// <param name="block">The building block.</param>
    /// <param name="transition">The transition.</param>
    /// <returns>The message.</returns>
    public static WebhookMessage Build(string format, string notifierName, V1Alpha1BuildingBlock block, MaintenanceTransition transition)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(transition);
        return format == WebhookFormats.Slack
            ? new WebhookMessage(transition.EventId, JsonSerializer.SerializeToUtf8Bytes(Slack(block, transition), WebhookJsonContext.Default.SlackMessage), JsonContentType)
            : new WebhookMessage(
                transition.EventId,
                JsonSerializer.SerializeToUtf8Bytes(CloudEvent(notifierName, block, transition), WebhookJsonContext.Default.CloudEventPayload),
                CloudEventContentType);
    }

    /// <summary>The CloudEvent of a transition.</summary>
    /// <param name="notifierName">The subscription's name.</param>
    /// <param name="block">The building block.</param>
    /// <param name="transition">The transition.</param>
    /// <returns>The event.</returns>
    public static CloudEventPayload CloudEvent(string notifierName, V1Alpha1BuildingBlock block, MaintenanceTransition transition)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(transition);
        var ns = block.Metadata.NamespaceProperty ?? string.Empty;
        var name = block.Metadata.Name ?? string.Empty;
        return new CloudEventPayload
        {
            Id = transition.EventId,
            Source = $"/apis/{ApiGroup.ApiVersion}/namespaces/{ns}/{V1Alpha1BuildingBlock.Plural}/{name}",
            Type = EventTypePrefix + transition.Event.ToLowerInvariant(),
            Subject = name,
            Time = Rfc3339.ToText(transition.Time),
            Data = new CloudEventData
            {
                BuildingBlock = name,
                Namespace = ns,
                Uid = block.Metadata.Uid ?? string.Empty,
                AvailabilityZone = block.Spec.AvailabilityZone,
                Event = transition.Event,
                Reason = Reason(block),
                Hosts = [.. (block.Spec.Hosts ?? []).Select(h => h.Name)],
                Notifier = notifierName,
            },
        };
    }

    /// <summary>The Slack message of a transition: one readable line.</summary>
    /// <param name="block">The building block.</param>
    /// <param name="transition">The transition.</param>
    /// <returns>The message.</returns>
    public static SlackMessage Slack(V1Alpha1BuildingBlock block, MaintenanceTransition transition)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(transition);
        var hosts = block.Spec.Hosts?.Count ?? 0;
        var what = transition.Event == MaintenanceEvents.Entered ? "entered" : "left";
        var reason = Reason(block) is { Length: > 0 } r ? $": {r}" : string.Empty;
        return new SlackMessage
        {
            Text = string.Create(
                CultureInfo.InvariantCulture,
                $"Building block {block.Metadata.NamespaceProperty}/{block.Metadata.Name} (zone {block.Spec.AvailabilityZone}, {hosts} {(hosts == 1 ? "host" : "hosts")}) {what} maintenance at {Rfc3339.ToText(transition.Time)}{reason}"),
        };
    }

    private static string? Reason(V1Alpha1BuildingBlock block) =>
        block.Status?.Maintenance?.Reason is { Length: > 0 } recorded ? recorded : block.Spec.Maintenance?.Reason;
}
