namespace Operators.Charts.Tests.Infrastructure;

/// <summary>Finds the repository root: the nearest folder above the test binaries that holds Operators.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Gets the absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>Returns the absolute path of a file or folder given relative to the repository root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Operators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Operators.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
