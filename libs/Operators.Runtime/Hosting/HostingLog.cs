using System.Net;
using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Hosting;

/// <summary>The hosting layer's log messages, with stable event ids.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1300, EventName = "EndpointListening", Level = LogLevel.Information, Message = "Serving {Paths} on {Endpoint}")]
    public static partial void Listening(ILogger logger, string paths, EndPoint endpoint);

    [LoggerMessage(EventId = 1301, EventName = "CachesSynced", Level = LogLevel.Information, Message = "Informer caches synced")]
    public static partial void CachesSynced(ILogger logger);

    [LoggerMessage(EventId = 1302, EventName = "LeadershipLost", Level = LogLevel.Error, Message = "Leader election lost; stopping")]
    public static partial void LeadershipLost(ILogger logger);

    [LoggerMessage(EventId = 1303, EventName = "OperatorFailed", Level = LogLevel.Critical, Message = "The operator failed; stopping")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1304, EventName = "ProbeRequestFailed", Level = LogLevel.Debug, Message = "A request to {Endpoint} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, EndPoint endpoint);

    [LoggerMessage(EventId = 1305, EventName = "ControllersStarting", Level = LogLevel.Information, Message = "Starting {Count} controllers")]
    public static partial void ControllersStarting(ILogger logger, int count);
}
