using System.Net;
using System.Net.Sockets;

namespace Operators.LocalRun;

/// <summary>Checks and finds TCP ports on 127.0.0.1.</summary>
internal static class FreePorts
{
    /// <summary>Returns a port that is free right now (the OS picks it).</summary>
    /// <returns>The port.</returns>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Fails with one clear line when <paramref name="port"/> is taken.</summary>
    /// <param name="port">The port.</param>
    /// <param name="what">What needs it, e.g. <c>the API server</c>.</param>
    /// <param name="hint">How to pick another, e.g. <c>make run PORT=6444</c>.</param>
    /// <exception cref="LaunchException">The port is in use.</exception>
    public static void Require(int port, string what, string hint)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new LaunchException($"port {port} on 127.0.0.1 ({what}) is already in use: stop what uses it, or {hint}", e);
        }
    }
}
