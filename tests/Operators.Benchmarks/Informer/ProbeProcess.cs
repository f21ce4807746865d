using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Operators.Benchmarks.Informer;

/// <summary>Starts this program again as the <see cref="InformerProbe"/> and collects its result line.</summary>
internal static class ProbeProcess
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    /// <summary>Runs the probe; null (after printing why) when it fails.</summary>
    public static async Task<ProbeResult?> RunAsync(
        Uri server, string namespaceName, string warmUpNamespace, int objects, InformerSettings settings, bool latency, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ProbeProcess).Assembly.Location);
        }

        foreach (var arg in new[]
        {
            InformerProbe.Command, server.ToString(), namespaceName, warmUpNamespace, objects.ToString(CultureInfo.InvariantCulture),
            (latency ? settings.EventsPerSecond : 0).ToString(CultureInfo.InvariantCulture),
            settings.LatencyDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture), settings.Writers.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The probe process did not start.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        ProbeResult? result = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(InformerProbe.ResultPrefix, StringComparison.Ordinal))
                {
                    result = JsonSerializer.Deserialize(line[InformerProbe.ResultPrefix.Length..], ProbeJsonContext.Default.ProbeResult);
                }
                else
                {
                    Console.WriteLine(line);
                }
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || result is null)
        {
            await Console.Error.WriteLineAsync($"informer: the probe process failed (exit code {process.ExitCode}).");
            return null;
        }

        return result;
    }
}
