using System.Diagnostics;

namespace Operators.Charts.Tests.Infrastructure;

/// <summary>
/// Runs the helm binary the Makefile installs into <c>.tools/bin/</c> (from the npm registry, see
/// <c>.ci/install-helm</c>); never a helm from the PATH, so every machine tests with the same version.
/// </summary>
internal static class Helm
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the path of the pinned helm binary.</summary>
    public static string BinaryPath => RepositoryRoot.Combine(".tools", "bin", "helm");

    /// <summary>Fails with instructions when the pinned helm binary is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(BinaryPath))
        {
            throw new InvalidOperationException(
                $"helm is not installed at {BinaryPath}. Run `make tools` (or `.ci/install-helm`) first; `make test` does it for you.");
        }
    }

    /// <summary>Runs helm with <paramref name="arguments"/> in the repository root and returns what it printed.</summary>
    public static HelmResult Run(params string[] arguments)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo(BinaryPath)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep helm away from the user's repositories, plugins and caches.
        var home = Path.Combine(Path.GetTempPath(), "operators-charts-tests-helm");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BinaryPath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"helm {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new HelmResult($"helm {string.Join(' ', arguments)}", process.ExitCode, stdout.Result, stderr.Result);
    }
}
