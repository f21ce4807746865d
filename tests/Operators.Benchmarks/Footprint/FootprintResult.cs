namespace Operators.Benchmarks.Footprint;

/// <summary>What was measured of one published operator.</summary>
internal sealed class FootprintResult(PublishedOperator published)
{
    public PublishedOperator Published { get; } = published;

    /// <summary>Gets the start → <c>/readyz</c> 200 times against the empty cluster.</summary>
    public List<TimeSpan> EmptyStarts { get; } = [];

    /// <summary>Gets or sets the median idle RSS with the empty cluster, in bytes.</summary>
    public long? EmptyResident { get; set; }

    /// <summary>Gets or sets a value indicating whether the empty run became idle before it was sampled.</summary>
    public bool EmptyIdle { get; set; }

    /// <summary>Gets or sets the start → ready time with the cluster cached.</summary>
    public TimeSpan? CachedReady { get; set; }

    /// <summary>Gets or sets the median idle RSS with the cluster cached, in bytes.</summary>
    public long? CachedResident { get; set; }

    /// <summary>Gets or sets a value indicating whether the cached run became idle before it was sampled.</summary>
    public bool CachedIdle { get; set; }

    /// <summary>Gets or sets the API writes the server counted while this operator ran on the converged cluster.</summary>
    public long CachedWrites { get; set; }

    /// <summary>Gets or sets why a measurement failed, if one did.</summary>
    public string? Failure { get; set; }

    /// <summary>Gets the median start → ready time with the empty cluster.</summary>
    public TimeSpan? MedianStart => EmptyStarts.Count == 0 ? null : EmptyStarts.Order().ElementAt(EmptyStarts.Count / 2);
}
