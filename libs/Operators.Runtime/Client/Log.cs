using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Client;

/// <summary>Log messages of the typed client (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "RequestRetry", Level = LogLevel.Debug,
        Message = "Retrying {Method} {Path} in {Delay} (retry {Attempt}) after {Outcome}")]
    public static partial void RequestRetry(ILogger logger, string method, string path, TimeSpan delay, int attempt, string outcome);
}
