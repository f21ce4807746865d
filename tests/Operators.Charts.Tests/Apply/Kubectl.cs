using System.Diagnostics;

namespace Operators.Charts.Tests.Apply;

/// <summary>Runs the kubectl on the PATH against one kubeconfig.</summary>
internal sealed class Kubectl(string kubeconfig)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs kubectl with <paramref name="arguments"/>; returns its exit code and everything it printed.</summary>
    public async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["KUBECONFIG"] = kubeconfig;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"$ kubectl {string.Join(' ', arguments)}\n{await stdout}{await stderr}");
    }
}
