using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace Operators.CrdGenerator;

/// <summary>
/// The <c>make crds</c> program: loads an API assembly by path and writes the chart template of
/// each named type. Usage errors exit 2, generation errors 1.
/// </summary>
internal static class GeneratorCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: Operators.CrdGenerator <path to API assembly .dll> <Type.Full.Name>=<output file> [<Type.Full.Name>=<output file> ...]";

    /// <summary>Runs the program; returns its exit code. Nothing is written unless every type generates.</summary>
    [RequiresUnreferencedCode("Loads an assembly by path and reflects over its types.")]
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[0] is "-h" or "--help")
        {
            error.WriteLine(Usage);
            return 2;
        }

        var assemblyPath = Path.GetFullPath(args[0]);
        if (!File.Exists(assemblyPath))
        {
            error.WriteLine($"error: assembly not found: {assemblyPath} (build it first)");
            error.WriteLine(Usage);
            return 2;
        }

        var targets = new List<(string TypeName, string Output)>();
        foreach (var argument in args.Skip(1))
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == argument.Length - 1)
            {
                error.WriteLine($"error: expected <Type.Full.Name>=<output file>, got '{argument}'");
                error.WriteLine(Usage);
                return 2;
            }

            targets.Add((argument[..separator], argument[(separator + 1)..]));
        }

        var folder = Path.GetDirectoryName(assemblyPath)!;
        Func<AssemblyLoadContext, AssemblyName, Assembly?> resolve = (context, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        AssemblyLoadContext.Default.Resolving += resolve;
        try
        {
            return Generate(Load(assemblyPath), assemblyPath, targets, output, error);
        }
        finally
        {
            AssemblyLoadContext.Default.Resolving -= resolve;
        }
    }

    [RequiresUnreferencedCode("Reflects over the types of the assembly.")]
    private static int Generate(Assembly assembly, string assemblyPath, List<(string TypeName, string Output)> targets, TextWriter output, TextWriter error)
    {
        var templates = new List<(string TypeName, string Output, string Template)>();
        foreach (var (typeName, outputPath) in targets)
        {
            var type = assembly.GetType(typeName);
            if (type is null)
            {
                error.WriteLine($"error: type {typeName} not found in {assemblyPath}");
                return 2;
            }

            try
            {
                templates.Add((typeName, outputPath, CustomResourceDefinitions.ToChartTemplate(CustomResourceDefinitions.Generate(type), type)));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                error.WriteLine($"error: {typeName}: {e.Message}");
                return 1;
            }
        }

        foreach (var (typeName, outputPath, template) in templates)
        {
            var fullOutput = Path.GetFullPath(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
            var unchanged = File.Exists(fullOutput) && File.ReadAllText(fullOutput) == template;
            if (!unchanged)
            {
                File.WriteAllText(fullOutput, template);
            }

            output.WriteLine($"{(unchanged ? "unchanged" : "wrote")} {outputPath} ({typeName})");
        }

        return 0;
    }

    /// <summary>
    /// Loads the assembly into the default context, so it shares this program's KubernetesClient and
    /// annotation types (its other dependencies come from its own folder); an assembly of that name
    /// already loaded is used as is.
    /// </summary>
    [RequiresUnreferencedCode("Loads an assembly by path.")]
    private static Assembly Load(string assemblyPath)
    {
        var name = AssemblyName.GetAssemblyName(assemblyPath).Name;
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
    }
}
