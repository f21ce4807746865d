using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Schema;

/// <summary>
/// Runs <c>.ci/kubernetes-models/validate.mjs</c> with node over the npm package kubernetes-models
/// that <c>make tools</c> installs into <c>.tools/node/</c> (<c>.ci/install-kubernetes-models</c>).
/// </summary>
internal static class KubernetesModels
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Gets the folder of the installed package.</summary>
    public static string PackagePath => RepositoryRoot.Combine(".tools", "node", "node_modules", "kubernetes-models");

    /// <summary>Validates <paramref name="objects"/>; returns one verdict per object, in order.</summary>
    public static IReadOnlyList<SchemaVerdict> Validate(IEnumerable<JsonNode> objects)
    {
        if (!Directory.Exists(PackagePath))
        {
            Assert.Fail($"kubernetes-models is not installed at {PackagePath}. Run `make tools` (or `.ci/install-kubernetes-models`) first.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine(".ci", "kubernetes-models", "validate.mjs"));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(new JsonArray(objects.Select(o => o.DeepClone()).ToArray()).ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"validate.mjs did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"validate.mjs failed (exit {process.ExitCode}):\n{stderr.Result}");
        }

        return JsonNode.Parse(stdout.Result)!.AsArray()
            .Select(n => new SchemaVerdict(
                n.Str("apiVersion") ?? string.Empty,
                n.Str("kind") ?? string.Empty,
                n.Str("name") ?? string.Empty,
                n.Str("status") ?? string.Empty,
                n.Strings("errors")))
            .ToList();
    }

    /// <summary>Formats verdicts for a failure message.</summary>
    public static string Describe(IEnumerable<SchemaVerdict> verdicts) =>
        string.Join('\n', verdicts.Select(v => $"{v}: {v.Status} {JsonSerializer.Serialize(v.Errors)}"));
}
