namespace Operators.Benchmarks.Queue;

/// <summary>
/// The target and reference figure for a benchmark, printed next to what was measured.
/// Unset limits (NaN, -1) are not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoalAttribute(string measurement) : Attribute
{
    /// <summary>Gets what the benchmark measures, in words.</summary>
    public string Measurement { get; } = measurement;

    /// <summary>Gets or sets the reference figure (client-go, controller-runtime).</summary>
    public string Reference { get; set; } = "";

    /// <summary>Gets or sets the target time per operation in nanoseconds.</summary>
    public double MaxNanoseconds { get; set; } = double.NaN;

    /// <summary>Gets or sets the target bytes allocated per operation.</summary>
    public long MaxBytes { get; set; } = -1;

    /// <summary>Gets or sets the target rate in operations per second (the result is shown as a rate).</summary>
    public double MinPerSecond { get; set; } = double.NaN;

    /// <summary>
    /// Gets or sets the target allocations per operation. Only bytes are measured: 0 bytes proves 0
    /// allocations; more bytes leave a target above zero unjudged.
    /// </summary>
    public int MaxAllocations { get; set; } = -1;

    /// <summary>Gets or sets extra words of the target (e.g. "≤ 1 allocation").</summary>
    public string TargetText { get; set; } = "";
}
