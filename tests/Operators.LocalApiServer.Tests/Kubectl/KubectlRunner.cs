namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>
/// Runs the real kubectl binary (<c>KUBECTL</c> or <c>kubectl</c> on the PATH) against one
/// kubeconfig, with its own discovery cache folder, every call bounded by a deadline.
/// </summary>
internal sealed class KubectlRunner(string kubeconfigPath, string cacheDirectory)
{
    /// <summary>How long one ordinary kubectl call may take.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    /// <summary>The kubectl binary the tests run.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } path ? path : "kubectl";

    /// <summary>Runs kubectl to completion within <see cref="DefaultDeadline"/>.</summary>
    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync(DefaultDeadline, arguments);

    /// <summary>Runs kubectl to completion within <paramref name="deadline"/>.</summary>
    public async Task<KubectlResult> RunAsync(TimeSpan deadline, params string[] arguments)
    {
        await using var process = Start(arguments);
        return await process.WaitForExitAsync(deadline);
    }

    /// <summary>Starts kubectl and returns at once, for commands that stream or block.</summary>
    public KubectlProcess Start(params string[] arguments) =>
        KubectlProcess.Start(Binary, ["--kubeconfig", kubeconfigPath, "--cache-dir", cacheDirectory, .. arguments]);
}
