using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Events;

/// <summary>Source-generated log messages of the event recorder (event ids 3100–3199).</summary>
internal static partial class EventRecorderLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Event queue full; dropped {Type} event {Reason} about {Kind} {Namespace}/{Name}")]
    public static partial void Dropped(ILogger logger, string type, string reason, string? kind, string? @namespace, string? name);

    [LoggerMessage(3101, LogLevel.Warning, "Writing event {Namespace}/{Name} failed (attempt {Attempt}); retrying")]
    public static partial void Retrying(ILogger logger, Exception exception, string @namespace, string name, int attempt);

    [LoggerMessage(3102, LogLevel.Error, "Writing event {Namespace}/{Name} failed; giving up")]
    public static partial void GaveUp(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(3103, LogLevel.Warning, "Event recorder stopped with {Pending} events unwritten")]
    public static partial void StoppedWithPending(ILogger logger, int pending);
}
