using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;
using Operators.Charts.Tests.Schema;

namespace Operators.Charts.Tests.Tooling;

public sealed class InstallKubernetesModelsScriptTests
{
    private static string Script => RepositoryRoot.Combine(".ci", "install-kubernetes-models");

    [Test]
    public void InstallKubernetesModels_WhenTheLockedTreeIsInstalled_LeavesItAlone()
    {
        var manifest = Path.Combine(KubernetesModels.PackagePath, "package.json");
        var before = File.GetLastWriteTimeUtc(manifest);

        var (exitCode, stdout, stderr) = RunScript(null, null);

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("already installed");
        File.GetLastWriteTimeUtc(manifest).Should().Be(before);
    }

    [Test]
    public void InstalledKubernetesModels_IsTheVersionThePackageJsonPins()
    {
        var pinned = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine(".ci", "kubernetes-models", "package.json")))!.Str("dependencies.kubernetes-models");

        var installed = JsonNode.Parse(File.ReadAllText(Path.Combine(KubernetesModels.PackagePath, "package.json")))!.Str("version");

        installed.Should().NotBeNull().And.Be(pinned);
    }

    [Test]
    public void InstallKubernetesModels_WithoutNode_FailsWithAClearMessage()
    {
        var target = Path.Combine(Path.GetTempPath(), $"install-models-test-{Guid.NewGuid():N}");
        var path = Path.Combine(target, "path");
        Directory.CreateDirectory(path);
        try
        {
            File.CreateSymbolicLink(Path.Combine(path, "dirname"), new[] { "/usr/bin/dirname", "/bin/dirname" }.First(File.Exists));

            var (exitCode, _, stderr) = RunScript(Path.Combine(target, "node"), path);

            exitCode.Should().Be(1);
            stderr.Should().Contain("'node' is required");
            Directory.Exists(Path.Combine(target, "node")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) RunScript(string? toolsNode, string? path)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        if (toolsNode is not null)
        {
            start.Environment["TOOLS_NODE"] = toolsNode;
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
