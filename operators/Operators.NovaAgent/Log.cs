using Microsoft.Extensions.Logging;

namespace Operators.NovaAgent;

/// <summary>The operator's log messages (stable event ids 1-99).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "NovaAgent {Namespace}/{Name}: ConfigMap {ConfigMap} {ConfigMapResult}, Deployment {Deployment} {DeploymentResult}, config {ConfigHash}")]
    public static partial void Rendered(ILogger logger, string @namespace, string name, string configMap, string configMapResult, string deployment, string deploymentResult, string configHash);

    [LoggerMessage(2, LogLevel.Warning, "NovaAgent {Namespace}/{Name} is not rendered: {Message}")]
    public static partial void OwnershipConflict(ILogger logger, string @namespace, string name, string message);

    [LoggerMessage(3, LogLevel.Warning, "NovaAgent {Namespace}/{Name} has an invalid {Field}: {Message}")]
    public static partial void InvalidSpec(ILogger logger, string @namespace, string name, string field, string message);

    [LoggerMessage(4, LogLevel.Debug, "NovaAgent {Namespace}/{Name}: status written (Ready {Ready}, InService {InService})")]
    public static partial void StatusWritten(ILogger logger, string @namespace, string name, string ready, string inService);

    [LoggerMessage(5, LogLevel.Debug, "NovaAgent {Namespace}/{Name}: the cache is behind the API server ({Reason}); trying again")]
    public static partial void CacheBehind(ILogger logger, string @namespace, string name, string? reason);
}
