using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Operators.Runtime.Hosting;

/// <summary>Parses controller-runtime's bind addresses: <c>host:port</c>, <c>:port</c> (all interfaces) or <c>0</c> (off).</summary>
internal static class BindAddress
{
    /// <summary>Parses <paramref name="value"/>; <paramref name="endpoint"/> is null when the listener is off.</summary>
    public static bool TryParse(string? value, out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (value is "0")
        {
            return true;
        }

        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        if (colon < 0 || !ushort.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        var host = value[..colon].Trim('[', ']');
        if (TryResolve(host, out var address))
        {
            endpoint = new IPEndPoint(address, port);
            return true;
        }

        return false;
    }

    private static bool TryResolve(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        switch (host)
        {
            case "":
                address = Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any;
                return true;
            case "localhost":
                address = IPAddress.Loopback;
                return true;
            default:
                return IPAddress.TryParse(host, out address);
        }
    }
}
