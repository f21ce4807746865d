using Operators.Benchmarks.Footprint;
using Operators.Benchmarks.Reporting;

namespace Operators.Benchmarks.Scale;

/// <summary>Sizes and operator flags of the end-to-end scale benchmark (issue 9, part 3).</summary>
internal sealed record ScaleSettings
{
    /// <summary>Gets the sizes to run, in BuildingBlocks (each with <see cref="HostsPerBlock"/> hosts), smallest first.</summary>
    public IReadOnlyList<int> Blocks { get; init; } = [10, 100];

    /// <summary>Gets the hosts (NovaAgents, ConfigMaps, Deployments) per block.</summary>
    public int HostsPerBlock { get; init; } = 10;

    /// <summary>Gets how long the steady state is watched after the largest size converged.</summary>
    public TimeSpan SteadyState { get; init; } = TimeSpan.FromSeconds(65);

    /// <summary>Gets how the operators run: NativeAOT executables from <c>make aot</c>, or Release builds under <c>dotnet</c> (JIT).</summary>
    public Flavour Operators { get; init; } = Flavour.Jit;

    /// <summary>Gets the operators' informer resync period (<c>--sync-period</c>).</summary>
    public string SyncPeriod { get; init; } = "30s";

    /// <summary>Gets the operators' client rate limit (<c>--kube-api-qps</c>).</summary>
    public int KubeApiQps { get; init; } = 1_000;

    /// <summary>Gets the operators' client burst (<c>--kube-api-burst</c>).</summary>
    public int KubeApiBurst { get; init; } = 2_000;

    /// <summary>Gets the operators' workers per controller (<c>--max-concurrent-reconciles</c>).</summary>
    public int MaxConcurrentReconciles { get; init; } = 8;

    /// <summary>Gets the operators' log level (<c>--log-level</c>): per-object info lines of 10k objects are not what is measured.</summary>
    public string LogLevel { get; init; } = "warn";

    /// <summary>Gets the concurrent writers of the benchmark's own creates and of the write floor.</summary>
    public int Writers { get; init; } = 8;

    /// <summary>Gets how long after convergence the benchmark waits for the trailing writes (Events) to stop.</summary>
    public TimeSpan SettleDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long one size may take to converge before it is reported as not converged.</summary>
    public TimeSpan ConvergenceDeadline { get; init; } = TimeSpan.FromMinutes(3);

    public static ScaleSettings For(BenchMode mode) => mode == BenchMode.Quick
        ? new ScaleSettings()
        : new ScaleSettings { Blocks = [10, 100, 1_000], SteadyState = TimeSpan.FromMinutes(5), SettleDeadline = TimeSpan.FromMinutes(20), ConvergenceDeadline = TimeSpan.FromMinutes(30) };

    /// <summary>The operator flags of a bulk load, appended to those <c>make run</c> passes.</summary>
    public IReadOnlyList<string> OperatorFlags() =>
    [
        "--kube-api-qps", Invariant(KubeApiQps),
        "--kube-api-burst", Invariant(KubeApiBurst),
        "--max-concurrent-reconciles", Invariant(MaxConcurrentReconciles),
        "--sync-period", SyncPeriod,
        "--log-level", LogLevel,
    ];

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
