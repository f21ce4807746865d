using System.Text.Json;

namespace Operators.WebhookReceiver;

/// <summary>What the receiver reads from a notification body: a CloudEvent or a Slack message.</summary>
/// <param name="Format"><c>CloudEvent</c>, <c>Slack</c> or <c>Unknown</c>.</param>
/// <param name="EventType">The CloudEvent type; empty otherwise.</param>
/// <param name="Event"><c>data.event</c> of a CloudEvent (<c>Entered</c>/<c>Left</c>); empty otherwise.</param>
/// <param name="BuildingBlock"><c>data.buildingBlock</c> (or <c>subject</c>); empty otherwise.</param>
/// <param name="Reason"><c>data.reason</c>; empty when absent.</param>
/// <param name="Notifier"><c>data.notifier</c>; empty when absent.</param>
/// <param name="Text">The <c>text</c> of a Slack message; empty otherwise.</param>
internal sealed record NotificationBody(string Format, string EventType, string Event, string BuildingBlock, string Reason, string Notifier, string Text)
{
    /// <summary>The name of the CloudEvent format.</summary>
    public const string CloudEvent = "CloudEvent";

    /// <summary>The name of the Slack format.</summary>
    public const string Slack = "Slack";

    /// <summary>A body the receiver does not understand.</summary>
    public static readonly NotificationBody Unknown = new("Unknown", "", "", "", "", "", "");

    /// <summary>Reads a body; anything that is not a JSON object of a known shape is <see cref="Unknown"/>.</summary>
    /// <param name="body">The body bytes.</param>
    /// <returns>What it says.</returns>
    public static NotificationBody Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Unknown;
            }

            if (root.TryGetProperty("specversion", out _))
            {
                var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
                var block = StringProperty(data, "buildingBlock");
                return new NotificationBody(
                    CloudEvent,
                    StringProperty(root, "type"),
                    StringProperty(data, "event"),
                    block.Length > 0 ? block : StringProperty(root, "subject"),
                    StringProperty(data, "reason"),
                    StringProperty(data, "notifier"),
                    "");
            }

            return root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? new NotificationBody(Slack, "", "", "", "", "", text.GetString() ?? "")
                : Unknown;
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }

    private static string StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}
