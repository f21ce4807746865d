using Microsoft.Extensions.Logging;

namespace Operators.MaintenanceNotifier;

/// <summary>
/// The operator's log messages, with stable event ids. The controller's log scope adds the notifier's
/// namespace and name. Targets are described by host or as "the URL from secret X": never a URL or a key.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "NotificationDelivered", Level = LogLevel.Information,
        Message = "Delivered {Event} of building block {BuildingBlock} ({EventId}) to {Target} on attempt {Attempt}: {Outcome}")]
    public static partial void Delivered(ILogger logger, string @event, string buildingBlock, string eventId, string target, int attempt, string outcome);

    [LoggerMessage(EventId = 3001, EventName = "NotificationRetrying", Level = LogLevel.Warning,
        Message = "Attempt {Attempt} of {MaxAttempts} to deliver {Event} of building block {BuildingBlock} ({EventId}) to {Target} failed: {Outcome}; next attempt at {NextAttemptTime}")]
    public static partial void Retrying(ILogger logger, int attempt, int maxAttempts, string @event, string buildingBlock, string eventId, string target, string outcome, string nextAttemptTime);

    [LoggerMessage(EventId = 3002, EventName = "NotificationFailed", Level = LogLevel.Error,
        Message = "Gave up delivering {Event} of building block {BuildingBlock} ({EventId}) to {Target} after {Attempts} attempt(s): {Outcome}")]
    public static partial void Failed(ILogger logger, string @event, string buildingBlock, string eventId, string target, int attempts, string outcome);

    [LoggerMessage(EventId = 3003, EventName = "EndpointGone", Level = LogLevel.Error,
        Message = "{Target} answered 410 Gone for {Event} of building block {BuildingBlock} ({EventId})")]
    public static partial void EndpointGone(ILogger logger, string target, string @event, string buildingBlock, string eventId);

    [LoggerMessage(EventId = 3004, EventName = "NotificationSkipped", Level = LogLevel.Information,
        Message = "Skipped {Event} of building block {BuildingBlock} ({EventId}): {Why}")]
    public static partial void Skipped(ILogger logger, string @event, string buildingBlock, string eventId, string why);

    [LoggerMessage(EventId = 3005, EventName = "WebhookUnusable", Level = LogLevel.Warning,
        Message = "The webhook cannot be used ({Reason}): {Detail}")]
    public static partial void WebhookUnusable(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 3006, EventName = "StatusConflict", Level = LogLevel.Debug,
        Message = "The status changed under us; re-read and applying again (attempt {Attempt})")]
    public static partial void StatusConflict(ILogger logger, int attempt);

    [LoggerMessage(EventId = 3007, EventName = "AttemptRecordedLate", Level = LogLevel.Information,
        Message = "Recording the earlier attempt at {Event} of building block {BuildingBlock} ({EventId}) as {Phase}: its status write had failed; it is not sent again")]
    public static partial void RecordingLate(ILogger logger, string @event, string buildingBlock, string eventId, string phase);
}
