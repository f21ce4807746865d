using System.Diagnostics.CodeAnalysis;

namespace Operators.CrdGenerator;

/// <summary>The entry point of <c>make crds</c>; see <see cref="GeneratorCommand"/>.</summary>
internal static class Program
{
    /// <summary>Generates the chart templates named on the command line; exits 0, 1 (generation error) or 2 (usage).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A build tool that loads assemblies by path: it runs on the JIT and is never trimmed or published AOT.")]
    private static int Main(string[] args) => GeneratorCommand.Run(args, Console.Out, Console.Error);
}
