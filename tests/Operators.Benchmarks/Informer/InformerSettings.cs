using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Informer;

/// <summary>Sizes and rates of the informer benchmark.</summary>
internal sealed record InformerSettings
{
    /// <summary>Gets the numbers of objects to sync (one fresh server each).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10_000];

    /// <summary>Gets the rate of the latency run (events per second).</summary>
    public double EventsPerSecond { get; init; } = 1_000;

    /// <summary>Gets how long the latency run sends.</summary>
    public TimeSpan LatencyDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the concurrent requests that create the objects and send the latency probes.</summary>
    public int Writers { get; init; } = 8;

    public static InformerSettings For(BenchMode mode) => mode == BenchMode.Quick
        ? new InformerSettings()
        : new InformerSettings { Sizes = [10_000, 100_000], LatencyDuration = TimeSpan.FromSeconds(30) };
}
