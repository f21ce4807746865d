using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Hosting;

/// <summary>
/// A minimal HTTP/1.1 server for <c>/metrics</c> and the probes: one GET per connection, answered
/// in full and closed. Small, AOT-clean, with no ASP.NET Core, and it binds port 0 and reports the
/// port it got (which <c>HttpListener</c> and prometheus-net's <c>MetricServer</c> cannot).
/// </summary>
internal sealed class PlainHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 8192;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly Func<string, CancellationToken, Task<ProbeResponse>> _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="PlainHttpServer"/> class; call <see cref="Start"/> to listen.</summary>
    /// <param name="endpoint">Where to listen; port 0 picks a free port.</param>
    /// <param name="handler">Answers a request for a path (without query).</param>
    /// <param name="logger">Logs failed requests.</param>
    public PlainHttpServer(IPEndPoint endpoint, Func<string, CancellationToken, Task<ProbeResponse>> handler, ILogger logger)
    {
        _listener = new TcpListener(endpoint);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            _listener.Server.DualMode = true;
        }

        _handler = handler;
        _logger = logger;
    }

    /// <summary>Gets the bound endpoint (valid after <see cref="Start"/>).</summary>
    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Binds and starts accepting connections.</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static async Task<string?> ReadPathAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        while (buffer.AsSpan(0, length).IndexOf(HeaderEnd) < 0)
        {
            if (length == buffer.Length)
            {
                return null;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, length).IndexOf("\r\n"u8));
        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || parts[0] is not ("GET" or "HEAD"))
        {
            return null;
        }

        var query = parts[1].IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? parts[1] : parts[1][..query];
    }

    private static async Task WriteAsync(NetworkStream stream, ProbeResponse response, CancellationToken cancellationToken)
    {
        var reason = response.Status switch
        {
            200 => "OK",
            404 => "Not Found",
            405 => "Method Not Allowed",
            503 => "Service Unavailable",
            _ => "Status",
        };
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {response.Status} {reason}\r\nContent-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var owned = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            var stream = client.GetStream();
            var path = await ReadPathAsync(stream, timeout.Token).ConfigureAwait(false);
            var response = path is null
                ? new ProbeResponse(405, "text/plain; charset=utf-8", "only GET is served\n"u8.ToArray())
                : await _handler(path, timeout.Token).ConfigureAwait(false);
            await WriteAsync(stream, response, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed request must never stop the server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            HostingLog.RequestFailed(_logger, e, LocalEndpoint);
        }
    }
}
