using Operators.LocalRun;

namespace Operators.Benchmarks.Footprint;

/// <summary>
/// One operator as <c>make aot</c> published it: the NativeAOT executable (<c>artifacts/aot/&lt;operator&gt;/&lt;project&gt;</c>)
/// or the framework-dependent publish folder (<c>artifacts/jit/&lt;operator&gt;/</c>, run as <c>dotnet &lt;project&gt;.dll</c>).
/// </summary>
internal sealed record PublishedOperator(OperatorProgram Program, Flavour Flavour, string FileName, IReadOnlyList<string> Arguments, long SizeBytes, int Files)
{
    /// <summary>Gets a short label, e.g. <c>nova-agent AOT</c>.</summary>
    public string Label => $"{Program.Name} {Flavour.ToString().ToUpperInvariant()}";

    /// <summary>The operator's Release build (<c>operators/&lt;project&gt;/bin/Release/</c>), run as <c>dotnet &lt;project&gt;.dll</c>; labelled JIT.</summary>
    public static PublishedOperator FromBuild(RepositoryLayout layout, OperatorProgram program, string dotnet)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var dll = layout.OperatorDll(program);
        return File.Exists(dll)
            ? new PublishedOperator(program, Flavour.Jit, dotnet, [dll], new FileInfo(dll).Length, 1)
            : throw new InvalidOperationException($"{Path.GetRelativePath(layout.Root, dll)} is missing: build Release first");
    }

    /// <summary>Finds the published operator under <paramref name="root"/>; null when <c>make aot</c> has not published it.</summary>
    public static PublishedOperator? Find(string root, OperatorProgram program, Flavour flavour, string dotnet)
    {
        ArgumentNullException.ThrowIfNull(program);
        var folder = Path.Combine(root, "artifacts", flavour == Flavour.Aot ? "aot" : "jit", program.Name);
        if (flavour == Flavour.Aot)
        {
            var binary = Path.Combine(folder, program.Project);
            // Size of the file itself, also when the artifact is a link to it.
            return File.Exists(binary) ? new PublishedOperator(program, flavour, binary, [], new FileInfo(Path.GetFullPath(File.ResolveLinkTarget(binary, returnFinalTarget: true)?.FullName ?? binary)).Length, 1) : null;
        }

        var dll = Path.Combine(folder, program.Project + ".dll");
        if (!File.Exists(dll))
        {
            return null;
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return new PublishedOperator(program, flavour, dotnet, [dll], files.Sum(f => new FileInfo(f).Length), files.Length);
    }
}
