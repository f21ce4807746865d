using System.Globalization;

namespace Operators.LocalRun;

/// <summary>Settings of <c>make run</c>, from the command line.</summary>
internal sealed class LocalRunOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: Operators.LocalRun [--port 6443] [--receiver-port 8090] [--run-dir .run] [--configuration Release]\n" +
        "                          [--samples samples/openstack.yaml] [--summary-seconds 3] [--deployment-ready-delay-ms MS]";

    /// <summary>Gets or sets the API server's port; 0 picks a free one.</summary>
    /// <value>The default value is 6443.</value>
    public int Port { get; set; } = 6443;

    /// <summary>Gets or sets the webhook receiver's port (the samples' URLs are rewritten to it); 0 picks a free one.</summary>
    /// <value>The default value is 8090, the port in the samples.</value>
    public int ReceiverPort { get; set; } = 8090;

    /// <summary>Gets or sets the folder for the kubeconfig, logs and pid file, relative to the repository root.</summary>
    /// <value>The default value is <c>.run</c>.</value>
    public string RunDirectory { get; set; } = ".run";

    /// <summary>Gets or sets the build configuration whose outputs are started.</summary>
    /// <value>The default value is <c>Release</c>.</value>
    public string Configuration { get; set; } = "Release";

    /// <summary>Gets or sets the sample file, relative to the repository root; null for <c>samples/openstack.yaml</c>.</summary>
    public string? Samples { get; set; }

    /// <summary>Gets or sets how often the summary is refreshed.</summary>
    /// <value>The default value is 3 seconds.</value>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long simulated Deployments take to become ready; null for the API server's default.</summary>
    public TimeSpan? DeploymentReadyDelay { get; set; }

    /// <summary>Gets or sets a value indicating whether only the usage was asked for.</summary>
    public bool ShowUsage { get; set; }

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="LaunchException">An argument is unknown or its value is invalid.</exception>
    public static LocalRunOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LocalRunOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag is "-h" or "--help")
            {
                options.ShowUsage = true;
                continue;
            }

            var value = i + 1 < args.Count ? args[++i] : throw new LaunchException($"{flag} needs a value (try --help)");
            switch (flag)
            {
                case "--port": options.Port = ParsePort(flag, value); break;
                case "--receiver-port": options.ReceiverPort = ParsePort(flag, value); break;
                case "--run-dir": options.RunDirectory = value; break;
                case "--configuration": options.Configuration = value; break;
                case "--samples": options.Samples = value; break;
                case "--summary-seconds": options.SummaryInterval = TimeSpan.FromSeconds(Number(flag, value, 1, 3600)); break;
                case "--deployment-ready-delay-ms": options.DeploymentReadyDelay = TimeSpan.FromMilliseconds(Number(flag, value, 0, 600_000)); break;
                default: throw new LaunchException($"unknown argument {flag} (try --help)");
            }
        }

        return options;
    }

    private static int ParsePort(string flag, string value) => Number(flag, value, 0, 65535);

    private static int Number(string flag, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new LaunchException($"{flag} {value} is not valid: expected a whole number from {min} to {max}");
}
