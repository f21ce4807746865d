namespace Operators.LocalRun;

/// <summary>
/// Where things are in the repository: the built programs (<c>bin/&lt;configuration&gt;/net10.0/</c>),
/// the charts' CRD templates and the samples.
/// </summary>
internal sealed class RepositoryLayout
{
    /// <summary>The target framework folder of the build outputs.</summary>
    public const string TargetFramework = "net10.0";

    private const string SolutionFile = "Operators.sln";

    /// <summary>Initializes a new instance of the <see cref="RepositoryLayout"/> class.</summary>
    /// <param name="root">The repository root (the folder of <c>Operators.sln</c>).</param>
    /// <param name="configuration">The build configuration, e.g. <c>Release</c>.</param>
    public RepositoryLayout(string root, string configuration)
    {
        Root = Path.GetFullPath(root);
        Configuration = configuration;
    }

    /// <summary>Gets the repository root.</summary>
    public string Root { get; }

    /// <summary>Gets the build configuration.</summary>
    public string Configuration { get; }

    /// <summary>Gets the local API server program.</summary>
    public string ApiServerDll => Output("libs", "Operators.LocalApiServer");

    /// <summary>Gets the webhook receiver program.</summary>
    public string ReceiverDll => Output("tools", "Operators.WebhookReceiver");

    /// <summary>Gets the project's sample objects.</summary>
    public string SamplesFile => Path.Combine(Root, "samples", "openstack.yaml");

    /// <summary>Finds the repository root from <paramref name="start"/> upwards.</summary>
    /// <param name="start">Where to start, e.g. the current directory or the program's folder.</param>
    /// <returns>The root, or null when no folder above holds <c>Operators.sln</c>.</returns>
    public static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Finds the layout from the current directory, else from this program's folder.</summary>
    /// <param name="configuration">The build configuration.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="LaunchException">Neither is inside the repository.</exception>
    public static RepositoryLayout Discover(string configuration) =>
        new(FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory)
            ?? throw new LaunchException($"cannot find {SolutionFile} above {Environment.CurrentDirectory}: run this from the repository (make run)"),
            configuration);

    /// <summary>Gets an operator's program.</summary>
    /// <param name="program">The operator.</param>
    /// <returns>The path of its dll.</returns>
    public string OperatorDll(OperatorProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Output("operators", program.Project);
    }

    /// <summary>Gets an operator's CRD template in its chart.</summary>
    /// <param name="program">The operator.</param>
    /// <returns>The path of <c>charts/&lt;chart&gt;/templates/crd.yaml</c>.</returns>
    public string CrdTemplate(OperatorProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Path.Combine(Root, "charts", program.Chart, "templates", "crd.yaml");
    }

    /// <summary>Checks that every program <c>make run</c> starts has been built.</summary>
    /// <exception cref="LaunchException">One is missing.</exception>
    public void RequireBuilt()
    {
        string[] programs = [ApiServerDll, ReceiverDll, .. OperatorProgram.All.Select(OperatorDll)];
        foreach (var program in programs)
        {
            if (!File.Exists(program))
            {
                throw new LaunchException($"{Path.GetRelativePath(Root, program)} is missing: run make build first (or make run, which builds)");
            }
        }
    }

    private string Output(string folder, string project) =>
        Path.Combine(Root, folder, project, "bin", Configuration, TargetFramework, project + ".dll");
}
