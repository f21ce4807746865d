using System.Text.Json.Serialization;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>Source-generated JSON of the webhook bodies (AOT-clean); absent values are omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudEventPayload))]
[JsonSerializable(typeof(SlackMessage))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
