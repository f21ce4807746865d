namespace Operators.LocalRun;

/// <summary>Finds the <c>dotnet</c> executable that runs the children's dlls.</summary>
internal static class DotnetHost
{
    private static readonly string[] SetsidLocations = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>Returns this process's host when it is <c>dotnet</c>, else the first <c>dotnet</c> on the PATH.</summary>
    /// <returns>The full path.</returns>
    /// <exception cref="LaunchException">No <c>dotnet</c> is found.</exception>
    public static string Find()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new LaunchException("dotnet is not on the PATH: install the .NET 10 SDK (see README.md) and run make run again");
    }

    /// <summary>Returns <c>setsid</c> when present: a child in its own session does not get the terminal's Ctrl-C, so the launcher stops the children in order.</summary>
    /// <returns>The path, or null.</returns>
    public static string? FindSetsid() =>
        OperatingSystem.IsLinux() ? Array.Find(SetsidLocations, File.Exists) : null;
}
