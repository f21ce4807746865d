namespace Operators.Benchmarks.Reporting;

/// <summary>How a measured figure compares with its target.</summary>
internal enum Verdict
{
    /// <summary>There is no target: the row is information or a reference comparison.</summary>
    None,

    /// <summary>The target is met.</summary>
    Met,

    /// <summary>The target is not met.</summary>
    NotMet,
}
