using Operators.LocalRun;
using Operators.Testing;

namespace Operators.Aot.Tests;

/// <summary>Where <c>make aot</c> puts an operator's native executable: <c>artifacts/aot/&lt;operator&gt;/&lt;project&gt;</c>.</summary>
internal static class PublishedOperator
{
    /// <summary>The folder <c>make aot</c> publishes <paramref name="program"/> into.</summary>
    public static string FolderOf(OperatorProgram program) => Path.Combine(TestRepository.Layout.Root, "artifacts", "aot", program.Name);

    /// <summary>The native executable of <paramref name="program"/>; fails the test (never skips it) when it has not been published.</summary>
    public static string Require(OperatorProgram program)
    {
        var binary = Path.Combine(FolderOf(program), program.Project);
        if (!File.Exists(binary))
        {
            Assert.Fail($"{Path.GetRelativePath(TestRepository.Layout.Root, binary)} is missing: run `make aot` first (make test does).");
        }

        return binary;
    }

    /// <summary>The operator named <paramref name="name"/> (e.g. <c>nova-agent</c>).</summary>
    public static OperatorProgram Named(string name) => OperatorProgram.All.Single(p => p.Name == name);
}
