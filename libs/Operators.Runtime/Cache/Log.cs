using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Cache;

/// <summary>Log messages of the cache (event ids 1200–1299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, EventName = "Listed", Level = LogLevel.Debug,
        Message = "Listed {Count} {Resource} in {Scope} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, int count, string resource, string scope, string? resourceVersion);

    [LoggerMessage(EventId = 1201, EventName = "ListWatchFailed", Level = LogLevel.Warning,
        Message = "Listing or watching {Resource} in {Scope} failed; retrying in {Delay}")]
    public static partial void ListWatchFailed(ILogger logger, Exception exception, string resource, string scope, TimeSpan delay);

    [LoggerMessage(EventId = 1202, EventName = "WatchExpired", Level = LogLevel.Information,
        Message = "The watch of {Resource} in {Scope} expired at resourceVersion {ResourceVersion}; listing again")]
    public static partial void WatchExpired(ILogger logger, string resource, string scope, string? resourceVersion);

    [LoggerMessage(EventId = 1203, EventName = "WatchEnded", Level = LogLevel.Debug,
        Message = "The watch of {Resource} in {Scope} ended after {Events} events; resuming from resourceVersion {ResourceVersion}")]
    public static partial void WatchEnded(ILogger logger, string resource, string scope, int events, string? resourceVersion);

    [LoggerMessage(EventId = 1204, EventName = "HandlerFailed", Level = LogLevel.Error,
        Message = "An event handler of {Resource} threw; the informer goes on")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource);
}
