using FluentAssertions;
using Operators.LocalRun;

using Operators.Testing;

namespace Operators.EndToEnd.Tests.LocalRun;

public class LineRelayTests
{
    [Test]
    public void Relay_PrefixesShortLinesAndKeepsTheRawLineInTheLogFile()
    {
        var folder = Directory.CreateTempSubdirectory("relay-").FullName;
        try
        {
            using var output = new StringWriter();
            using (var relay = new LineRelay(output, folder))
            {
                relay.Relay("building-block", "2026-11-26T01:18:48.123Z info: Operators.BuildingBlock.BuildingBlockReconciler[2001] Created NovaAgent a");
                relay.Relay("building-block", "2026-11-26T01:03:46.543Z info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production");
            }

            output.ToString().Should().Be("[building-block] 01:18:48 BuildingBlockReconciler: Created NovaAgent a" + Environment.NewLine);
            File.ReadAllLines(Path.Combine(folder, "building-block.log")).Should().HaveCount(2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Relay_OfALogOnlyLine_WritesItToTheFileButNotTheTerminal()
    {
        var folder = Directory.CreateTempSubdirectory("relay-").FullName;
        try
        {
            using var output = new StringWriter();
            using (var relay = new LineRelay(output, folder))
            {
                relay.Relay("api", "Press Ctrl-C to stop.", logOnly: true);
                relay.Relay("api", "Local Kubernetes API server listening on http://127.0.0.1:6443/");
            }

            output.ToString().Should().Be("[api]            Local Kubernetes API server listening on http://127.0.0.1:6443/" + Environment.NewLine);
            File.ReadAllLines(Path.Combine(folder, "api.log")).Should().Equal("Press Ctrl-C to stop.", "Local Kubernetes API server listening on http://127.0.0.1:6443/");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ApiServerSpec_HidesItsOwnKubectlHintsOnly()
    {
        var spec = ChildSpecs.ApiServer("dotnet", new RepositoryLayout("/repo", "Release"), 6443, "/repo/.run/kubeconfig", null);

        spec.LogOnly!("Press Ctrl-C to stop.").Should().BeTrue();
        spec.LogOnly("Point kubectl at it:  export KUBECONFIG=/x").Should().BeTrue();
        spec.LogOnly("Local Kubernetes API server listening on http://127.0.0.1:6443/").Should().BeFalse();
        spec.Arguments.Should().Equal("/repo/libs/Operators.LocalApiServer/bin/Release/net10.0/Operators.LocalApiServer.dll", "--port", "6443", "--kubeconfig", "/repo/.run/kubeconfig");
        spec.StopWave.Should().Be(1, "the API server stops after the operators");
    }

    [Test]
    public void OperatorSpec_TurnsOnLeaderElectionAndTextLogsOnLoopbackPorts()
    {
        var spec = ChildSpecs.Operator("dotnet", new RepositoryLayout("/repo", "Release"), OperatorProgram.MaintenanceNotifier, new OperatorEndpoints(9001, 9002), "/k", "ops");

        spec.Name.Should().Be("notifier");
        spec.Arguments.Should().Equal(
            "/repo/operators/Operators.MaintenanceNotifier/bin/Release/net10.0/Operators.MaintenanceNotifier.dll",
            "--kubeconfig", "/k", "--leader-elect=true", "--leader-election-namespace", "ops", "--log-format", "text",
            "--metrics-bind-address", "127.0.0.1:9001", "--health-probe-bind-address", "127.0.0.1:9002");
    }

    [Test]
    public void ReceiverSpec_PassesTheSigningSecretInTheEnvironmentNotTheCommandLine()
    {
        var spec = ChildSpecs.Receiver("dotnet", new RepositoryLayout("/repo", "Release"), 8090, "whsec_AAAA");

        spec.Arguments.Should().NotContain(a => a.Contains("whsec_", StringComparison.Ordinal));
        spec.Environment.Should().Contain(ChildSpecs.SigningSecretVariable, "whsec_AAAA");
    }

    [Test]
    public void Prefixed_AlignsTheText()
    {
        LineRelay.Prefixed("api", "x").Should().Be("[api]            x");
        LineRelay.Prefixed("building-block", "x").Should().Be("[building-block] x");
    }
}
