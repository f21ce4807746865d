using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Controllers;

/// <summary>The controllers' log messages, with stable event ids.</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1000, EventName = "ControllerStarting", Level = LogLevel.Information, Message = "Starting {Workers} workers")]
    public static partial void Starting(ILogger logger, int workers);

    [LoggerMessage(EventId = 1001, EventName = "ControllerStopped", Level = LogLevel.Information, Message = "All workers finished")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1002, EventName = "ReconcileFailed", Level = LogLevel.Error, Message = "Reconciler error; requeued with backoff")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, EventName = "ReconcileTerminal", Level = LogLevel.Error, Message = "Reconciler error that retrying cannot fix; not requeued")]
    public static partial void Terminal(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "ReconcileDone", Level = LogLevel.Debug, Message = "Reconciled in {ElapsedMilliseconds} ms: {Result}")]
    public static partial void Reconciled(ILogger logger, double elapsedMilliseconds, string result);
}
