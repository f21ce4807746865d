using System.Text.Json.Serialization;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>A Slack incoming-webhook message, the body of a <c>Slack</c> webhook.</summary>
internal sealed class SlackMessage
{
    /// <summary>One readable line.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
