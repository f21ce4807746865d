using System.Globalization;

namespace Operators.LocalRun;

/// <summary>The command lines of the programs <c>make run</c> starts: each a built dll run by <c>dotnet</c>.</summary>
internal static class ChildSpecs
{
    /// <summary>The log prefix of the API server.</summary>
    public const string ApiName = "api";

    /// <summary>The log prefix of the webhook receiver.</summary>
    public const string ReceiverName = "receiver";

    /// <summary>The local API server on <paramref name="port"/> (0: a free one), writing <paramref name="kubeconfig"/>.</summary>
    /// <param name="dotnet">The dotnet executable.</param>
    /// <param name="layout">The repository.</param>
    /// <param name="port">The port.</param>
    /// <param name="kubeconfig">The kubeconfig to write.</param>
    /// <param name="deploymentReadyDelay">How long simulated Deployments take to become ready; null for the server's default.</param>
    /// <param name="extraArguments">More flags, e.g. <c>--rbac --token-file PATH</c>; null for none.</param>
    /// <returns>The spec; stopped after everything else.</returns>
    public static ChildSpec ApiServer(string dotnet, RepositoryLayout layout, int port, string kubeconfig, TimeSpan? deploymentReadyDelay, IReadOnlyList<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        List<string> args = [layout.ApiServerDll, "--port", Invariant(port), "--kubeconfig", kubeconfig];
        if (deploymentReadyDelay is { } delay)
        {
            args.AddRange(["--deployment-ready-delay-ms", Invariant((int)delay.TotalMilliseconds)]);
        }

        args.AddRange(extraArguments ?? []);

        // Its own kubectl hints and "Press Ctrl-C" repeat what the launcher says; they stay in the log file.
        return new ChildSpec(ApiName, dotnet, args)
        {
            StopWave = 1,
            LogOnly = line => line.StartsWith("Point kubectl", StringComparison.Ordinal) || line.StartsWith("Then try:", StringComparison.Ordinal)
                || line.StartsWith("Press Ctrl-C", StringComparison.Ordinal),
        };
    }

    /// <summary>An operator against the kubeconfig, with leader election on and text logs.</summary>
    /// <param name="dotnet">The dotnet executable.</param>
    /// <param name="layout">The repository.</param>
    /// <param name="program">The operator.</param>
    /// <param name="endpoints">Its metrics and probe ports.</param>
    /// <param name="kubeconfig">The kubeconfig.</param>
    /// <param name="leaseNamespace">Where its Lease lives.</param>
    /// <param name="name">The log prefix; null for the program's own (a second replica gets its own, e.g. <c>building-block-2</c>).</param>
    /// <param name="extraArguments">More flags, e.g. <c>--leader-election-lease-duration 4s</c>; null for none.</param>
    /// <returns>The spec.</returns>
    public static ChildSpec Operator(
        string dotnet, RepositoryLayout layout, OperatorProgram program, OperatorEndpoints endpoints, string kubeconfig, string leaseNamespace,
        string? name = null, IReadOnlyList<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(endpoints);
        return new ChildSpec(name ?? program.Prefix, dotnet,
        [
            layout.OperatorDll(program),
            "--kubeconfig", kubeconfig,
            "--leader-elect=true",
            "--leader-election-namespace", leaseNamespace,
            "--log-format", "text",
            "--metrics-bind-address", "127.0.0.1:" + Invariant(endpoints.MetricsPort),
            "--health-probe-bind-address", "127.0.0.1:" + Invariant(endpoints.HealthPort),
            .. extraArguments ?? [],
        ]);
    }

    /// <summary>The environment variable the receiver reads its signing key from.</summary>
    public const string SigningSecretVariable = "RECEIVER_SIGNING_SECRET";

    /// <summary>The webhook receiver on <paramref name="port"/>, checking signatures with <paramref name="signingSecret"/> (passed in its environment).</summary>
    /// <param name="dotnet">The dotnet executable.</param>
    /// <param name="layout">The repository.</param>
    /// <param name="port">The port.</param>
    /// <param name="signingSecret">The <c>whsec_</c> key, or null.</param>
    /// <returns>The spec.</returns>
    public static ChildSpec Receiver(string dotnet, RepositoryLayout layout, int port, string? signingSecret)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (signingSecret is not null)
        {
            environment[SigningSecretVariable] = signingSecret;
        }

        return new ChildSpec(ReceiverName, dotnet, [layout.ReceiverDll, "--port", Invariant(port)]) { Environment = environment };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
