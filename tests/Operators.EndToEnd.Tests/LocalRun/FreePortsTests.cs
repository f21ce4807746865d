using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class FreePortsTests
{
    [Test]
    public void Require_OfATakenPort_FailsWithOneLineNamingPortAndRemedy()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var require = () => FreePorts.Require(port, "the API server", "pick another: make run PORT=6444");

        require.Should().Throw<LaunchException>().WithMessage($"port {port} on 127.0.0.1 (the API server) is already in use: stop what uses it, or pick another: make run PORT=6444");
    }

    [Test]
    public void Require_OfAFreePort_Passes()
    {
        var port = FreePorts.Next();

        var require = () => FreePorts.Require(port, "x", "y");

        require.Should().NotThrow();
    }
}
