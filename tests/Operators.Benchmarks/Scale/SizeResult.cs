namespace Operators.Benchmarks.Scale;

/// <summary>What one size of the scale benchmark measured.</summary>
/// <param name="Blocks">The BuildingBlocks created.</param>
/// <param name="HostsPerBlock">The hosts per block.</param>
/// <param name="Convergence">Time from the first create to every block converged; null when it did not converge in time.</param>
/// <param name="ConvergedBlocks">The blocks converged when the measurement ended.</param>
/// <param name="ReadyAgents">The agents with <c>Ready=True</c> right after convergence.</param>
/// <param name="Requests">The API requests from the first create to convergence (the benchmark's own creates and watch included).</param>
/// <param name="Tail">The API requests after convergence until writes stopped (the trailing Events).</param>
/// <param name="Settled">How long after convergence the last write (besides Lease renewals) came; null when writes went on until the deadline.</param>
/// <param name="DroppedEvents">Each operator's Events dropped because its recorder's queue was full, once writes stopped.</param>
/// <param name="Rss">Each operator's resident set size at convergence.</param>
/// <param name="Cpu">CPU time used from the first create to convergence, by process (API server, each operator, the benchmark).</param>
/// <param name="Floor">The write floor's time for the same objects; null when it did not run.</param>
/// <param name="FloorRequests">The write floor's API requests.</param>
internal sealed record SizeResult(
    int Blocks,
    int HostsPerBlock,
    TimeSpan? Convergence,
    int ConvergedBlocks,
    int ReadyAgents,
    RequestTally Requests,
    RequestTally Tail,
    TimeSpan? Settled,
    IReadOnlyDictionary<string, long> DroppedEvents,
    IReadOnlyDictionary<string, long> Rss,
    IReadOnlyDictionary<string, TimeSpan> Cpu,
    TimeSpan? Floor,
    RequestTally? FloorRequests)
{
    /// <summary>Gets the objects that must exist: blocks, and per host an agent, a ConfigMap and a Deployment.</summary>
    public long Objects => Blocks + (3L * Blocks * HostsPerBlock);

    /// <summary>Gets the minimum object writes: a create per object, a status per agent once Ready, a status per block once all its agents are.</summary>
    public long MinimumWrites => Objects + ((long)Blocks * HostsPerBlock) + Blocks;

    /// <summary>Gets the minimum when progress is reported too: one more status write per agent (Progressing before Ready) and per block (agents not ready yet).</summary>
    public long ProgressMinimumWrites => MinimumWrites + ((long)Blocks * HostsPerBlock) + Blocks;

    /// <summary>Gets the CPU time the write floor used (API server and writers); null when it did not run.</summary>
    public TimeSpan? FloorCpu { get; init; }

    /// <summary>Gets the size as "blocks×hosts".</summary>
    public string Size => $"{Blocks:N0}×{HostsPerBlock}";
}
