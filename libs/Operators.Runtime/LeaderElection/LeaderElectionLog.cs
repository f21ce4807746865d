using Microsoft.Extensions.Logging;

namespace Operators.Runtime.LeaderElection;

/// <summary>Source-generated log messages of leader election (event ids 3000–3099).</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(3000, LogLevel.Information, "Attempting to acquire leader lease {Namespace}/{Lease} as {Identity}")]
    public static partial void Acquiring(ILogger logger, string @namespace, string lease, string identity);

    [LoggerMessage(3001, LogLevel.Information, "Acquired leader lease {Namespace}/{Lease} as {Identity}")]
    public static partial void Acquired(ILogger logger, string @namespace, string lease, string identity);

    [LoggerMessage(3002, LogLevel.Information, "New leader of lease {Namespace}/{Lease}: {Leader}")]
    public static partial void NewLeader(ILogger logger, string @namespace, string lease, string leader);

    [LoggerMessage(3003, LogLevel.Warning, "Request on leader lease {Namespace}/{Lease} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(3004, LogLevel.Error, "Lost leader lease {Namespace}/{Lease}: {Reason}")]
    public static partial void Lost(ILogger logger, string @namespace, string lease, string reason);

    [LoggerMessage(3005, LogLevel.Information, "Released leader lease {Namespace}/{Lease}")]
    public static partial void Released(ILogger logger, string @namespace, string lease);

    [LoggerMessage(3006, LogLevel.Warning, "Could not release leader lease {Namespace}/{Lease}; a standby takes over once it expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string @namespace, string lease);

    [LoggerMessage(3007, LogLevel.Error, "Leader election callback {Callback} failed")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(3008, LogLevel.Information, "Stopped leading lease {Namespace}/{Lease}")]
    public static partial void StoppedLeading(ILogger logger, string @namespace, string lease);
}
