using System.Diagnostics;

namespace Operators.Testing;

/// <summary>Runs the kubectl of the machine against a kubeconfig, with its own discovery cache.</summary>
internal sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    /// <summary>Runs kubectl; fails the test when it is not installed or does not end in time.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["KUBECONFIG"] = kubeconfig;
        foreach (var arg in args.Append("--cache-dir").Append(cacheDirectory))
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"kubectl is needed by the end-to-end tests and is not on the PATH: {e.Message}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
