namespace Operators.Benchmarks.Informer;

/// <summary>What the informer probe process measured; sent to the parent as one JSON line.</summary>
internal sealed record ProbeResult
{
    public int Cached { get; init; }

    public double SyncSeconds { get; init; }

    public long PeakBytes { get; init; }

    public long RetainedBytes { get; init; }

    public long HeapSizeBytes { get; init; }

    public long FragmentedBytes { get; init; }

    public long WorkingSetBytes { get; init; }

    public double JsonBytes { get; init; }

    /// <summary>Gets the managed size of one decoded object alone (no cache, no index), in bytes.</summary>
    public double BareObjectBytes { get; init; }

    /// <summary>Gets the managed bytes of one agent alone, decoded and compacted as the informer caches it (its share of the pool included).</summary>
    public double CompactedObjectBytes { get; init; }

    /// <summary>Gets a value indicating whether the warm-up informer's cache was collected before the baseline (else it is in the baseline).</summary>
    public bool WarmUpCollected { get; init; }

    public int LatencySent { get; init; }

    public int LatencyReceived { get; init; }

    public double AchievedPerSecond { get; init; }

    public double P50Nanoseconds { get; init; }

    public double P90Nanoseconds { get; init; }

    public double P99Nanoseconds { get; init; }

    public double MaxNanoseconds { get; init; }

    /// <summary>Gets the patches' round trips as the sender saw them: p50, p90, p99, max, in nanoseconds.</summary>
    public double[] RoundTripNanoseconds { get; init; } = [];

    /// <summary>Gets the probe's garbage collections while the patches were sent, described.</summary>
    public string? CollectionsDuringLatency { get; init; }

    /// <summary>"p50 … · p90 … · p99 … · max …".</summary>
    public string DescribeLatency() => Measuring.Percentiles.Describe(P50Nanoseconds, P90Nanoseconds, P99Nanoseconds, MaxNanoseconds);
}
