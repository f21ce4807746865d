namespace Operators.Benchmarks.Reporting;

/// <summary>How long a run may take.</summary>
internal enum BenchMode
{
    /// <summary>Short runs and the smaller sizes: all of <c>make bench</c> in under 10 minutes.</summary>
    Quick,

    /// <summary>Every size and BenchmarkDotNet's default job: as long as it takes.</summary>
    Full,
}
