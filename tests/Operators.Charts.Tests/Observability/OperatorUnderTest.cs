using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Observability;

/// <summary>
/// One operator program, the dll <c>make build</c> leaves in <c>operators/&lt;name&gt;/bin/&lt;configuration&gt;/net10.0/</c>,
/// run with dotnet as a child process with the chart's flags (leader election on, metrics on a free local port).
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private OperatorUnderTest(Process process, Uri metrics)
    {
        _process = process;
        MetricsAddress = metrics;
    }

    /// <summary>Gets the address of its <c>/metrics</c>.</summary>
    public Uri MetricsAddress { get; }

    /// <summary>Starts the operator of <paramref name="chart"/> against <paramref name="kubeconfig"/>.</summary>
    public static OperatorUnderTest Start(string chart, string kubeconfig, string leaseNamespace)
    {
        var dll = DllOf(chart);
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: build the operator first (`make build`, or `dotnet build operators/{ProjectOf(chart)} -c {Configuration}`).");
        }

        var metricsPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            dll, "--kubeconfig", kubeconfig, "--leader-elect=true", "--leader-election-namespace", leaseNamespace,
            "--metrics-bind-address", $"127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}",
            "--health-probe-bind-address", $"127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}",
            "--log-format", "json", "--log-level", "warn",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorUnderTest(process, new Uri($"http://127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}/metrics"));
    }

    /// <summary>Gets a value indicating whether the process ended (it should not, while the test runs).</summary>
    public bool HasExited => _process.HasExited;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string ProjectOf(string chart) =>
        "Operators." + string.Concat(chart.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string DllOf(string chart) =>
        RepositoryRoot.Combine("operators", ProjectOf(chart), "bin", Configuration, "net10.0", ProjectOf(chart) + ".dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
