namespace Operators.Benchmarks.Footprint;

/// <summary>How an operator was published by <c>make aot</c>.</summary>
internal enum Flavour
{
    /// <summary>NativeAOT: one native executable in <c>artifacts/aot/&lt;operator&gt;/</c>.</summary>
    Aot,

    /// <summary>Framework-dependent (JIT): <c>dotnet &lt;dll&gt;</c> from <c>artifacts/jit/&lt;operator&gt;/</c>.</summary>
    Jit,
}
