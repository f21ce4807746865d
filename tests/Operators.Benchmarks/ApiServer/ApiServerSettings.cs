using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.ApiServer;

/// <summary>Sizes of the local API server benchmark.</summary>
internal sealed record ApiServerSettings
{
    /// <summary>Gets how many agents are created, then updated, then status-updated.</summary>
    public int Objects { get; init; } = 5_000;

    /// <summary>Gets the concurrent writers (each with its own slice of objects).</summary>
    public int Writers { get; init; } = 4;

    /// <summary>Gets the number of watchers of the fan-out run.</summary>
    public int Watchers { get; init; } = 100;

    /// <summary>Gets the number of writes the watchers must each see.</summary>
    public int FanOutEvents { get; init; } = 2_000;

    public static ApiServerSettings For(BenchMode mode) => mode == BenchMode.Quick
        ? new ApiServerSettings()
        : new ApiServerSettings { Objects = 20_000, FanOutEvents = 10_000 };
}
