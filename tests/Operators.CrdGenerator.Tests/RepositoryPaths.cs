namespace Operators.CrdGenerator.Tests;

/// <summary>Where the repository and the shared folder beside it are, found from the test assembly.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Operators.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared references folder beside the repository (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Operators.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Operators.sln above {AppContext.BaseDirectory}.");
    }
}
