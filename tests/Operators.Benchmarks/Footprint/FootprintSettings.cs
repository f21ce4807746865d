using Operators.Benchmarks.Reporting;
using Operators.LocalRun;

namespace Operators.Benchmarks.Footprint;

/// <summary>Sizes of the footprint benchmark.</summary>
internal sealed record FootprintSettings
{
    /// <summary>Gets the operators measured (each published NativeAOT and JIT by <c>make aot</c>).</summary>
    public IReadOnlyList<OperatorProgram> Operators { get; init; } = OperatorProgram.All;

    /// <summary>Gets the timed starts per operator and flavour against the empty cluster (the median is reported).</summary>
    public int Starts { get; init; } = 5;

    /// <summary>Gets the BuildingBlocks (of <see cref="HostsPerBlock"/> hosts each) of the cached cluster.</summary>
    public int Blocks { get; init; } = 100;

    /// <summary>Gets the hosts (NovaAgents) per BuildingBlock.</summary>
    public int HostsPerBlock { get; init; } = 10;

    /// <summary>Gets how long idle RSS is sampled (every 250 ms) once the process is idle.</summary>
    public TimeSpan Sampling { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how long a started operator may stay busy before its RSS is sampled anyway (and marked busy).</summary>
    public TimeSpan IdleDeadline { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets how long the operators may take to converge the cached cluster.</summary>
    public TimeSpan ConvergenceDeadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the NovaAgents of the cached cluster.</summary>
    public int Agents => Blocks * HostsPerBlock;

    /// <summary>
    /// Quick: the nova-agent only (the largest; its one NativeAOT publish, ≈ 3 min, is what keeps a fresh clone's quick
    /// run under 10 minutes: publishing all three takes ≈ 9) and 1,000 agents (10,000 do not converge and sync six
    /// times within the step's 3 minutes); full: the three operators and 10,000 agents.
    /// </summary>
    public static FootprintSettings For(BenchMode mode) => mode == BenchMode.Quick
        ? new FootprintSettings { Operators = [OperatorProgram.NovaAgent] }
        : new FootprintSettings { Starts = 11, Blocks = 1_000, Sampling = TimeSpan.FromSeconds(5), IdleDeadline = TimeSpan.FromMinutes(1), ConvergenceDeadline = TimeSpan.FromMinutes(20) };
}
