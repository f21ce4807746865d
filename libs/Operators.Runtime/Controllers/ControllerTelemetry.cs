using System.Diagnostics;

namespace Operators.Runtime.Controllers;

/// <summary>The tracing source of the runtime: one activity per reconcile.</summary>
public static class ControllerTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name to subscribe to (e.g. with OpenTelemetry's <c>AddSource</c>).</summary>
    public const string SourceName = "Operators.Runtime";

    /// <summary>The source reconcile activities come from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
