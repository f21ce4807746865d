namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Where and how <see cref="ScenarioRunner"/> replays scenarios.</summary>
public sealed class ScenarioRunnerOptions
{
    /// <summary>The server under test, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer</c> when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>What a <c>compact</c> step does (compact the server's watch history); null when the server offers nothing.</summary>
    public Func<Task>? CompactHistory { get; init; }

    /// <summary>A fixed run id; null picks 6 random lowercase letters and digits per run.</summary>
    public string? RunId { get; init; }

    /// <summary>How long one request may take before it is recorded as failed.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
