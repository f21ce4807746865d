using Microsoft.Extensions.Logging;

namespace Operators.BuildingBlock;

/// <summary>The operator's log messages, with stable event ids. The controller's scope adds namespace, name and reconcileID.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "AgentCreated", Level = LogLevel.Information, Message = "Created NovaAgent {Agent}")]
    public static partial void AgentCreated(ILogger logger, string agent);

    [LoggerMessage(EventId = 4001, EventName = "AgentPatched", Level = LogLevel.Information, Message = "Patched NovaAgent {Agent}")]
    public static partial void AgentPatched(ILogger logger, string agent);

    [LoggerMessage(EventId = 4002, EventName = "AgentDeleted", Level = LogLevel.Information, Message = "Deleted NovaAgent {Agent}: its host left the spec")]
    public static partial void AgentDeleted(ILogger logger, string agent);

    [LoggerMessage(EventId = 4003, EventName = "HostConflict", Level = LogLevel.Debug, Message = "Left NovaAgent {Agent} untouched: {Conflict}")]
    public static partial void HostConflict(ILogger logger, string agent, string conflict);

    [LoggerMessage(EventId = 4004, EventName = "InvalidSpec", Level = LogLevel.Debug, Message = "Spec is invalid; agents left as they are: {Problems}")]
    public static partial void InvalidSpec(ILogger logger, string problems);

    [LoggerMessage(EventId = 4005, EventName = "CacheBehind", Level = LogLevel.Debug, Message = "The cache of NovaAgent {Agent} is behind the API server (created or deleted meanwhile); requeued")]
    public static partial void CacheBehind(ILogger logger, string agent);

    [LoggerMessage(EventId = 4006, EventName = "StatusUpdated", Level = LogLevel.Debug, Message = "Status updated: Ready {Ready}, Maintenance {Maintenance}")]
    public static partial void StatusUpdated(ILogger logger, string ready, string maintenance);

    [LoggerMessage(EventId = 4007, EventName = "StatusConflict", Level = LogLevel.Debug, Message = "Status not written: the block changed since it was cached; requeued")]
    public static partial void StatusConflict(ILogger logger);

    [LoggerMessage(EventId = 4008, EventName = "BlockEvent", Level = LogLevel.Information, Message = "{Reason}: {Note}")]
    public static partial void Event(ILogger logger, string reason, string note);

    [LoggerMessage(EventId = 4009, EventName = "ProgressHeldBack", Level = LogLevel.Debug, Message = "Status change only reports progress; written in {WaitMilliseconds:0} ms")]
    public static partial void ProgressHeldBack(ILogger logger, double waitMilliseconds);

    [LoggerMessage(EventId = 4010, EventName = "CacheBehindOwnStatus", Level = LogLevel.Debug, Message = "Status not written: it is the one just written, which the cache has not seen yet")]
    public static partial void CacheBehindOwnStatus(ILogger logger);
}
