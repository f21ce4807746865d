namespace Operators.LocalRun;

/// <summary>The ports an operator process serves its metrics and probes on (127.0.0.1).</summary>
/// <param name="MetricsPort">The <c>/metrics</c> port.</param>
/// <param name="HealthPort">The <c>/healthz</c> and <c>/readyz</c> port.</param>
internal sealed record OperatorEndpoints(int MetricsPort, int HealthPort)
{
    /// <summary>Two ports that are free right now.</summary>
    /// <returns>The endpoints.</returns>
    public static OperatorEndpoints Allocate() => new(FreePorts.Next(), FreePorts.Next());

    /// <summary>Gets the metrics URL.</summary>
    public Uri Metrics => new($"http://127.0.0.1:{MetricsPort}/metrics");

    /// <summary>Gets the probe base URL.</summary>
    public Uri Health => new($"http://127.0.0.1:{HealthPort}/");
}
