using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Operators.Testing;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of one upstream port: the network between one client and a
/// server, which a test can cut (<see cref="Cut"/>: every open connection is reset and new ones are
/// reset at once, as a partition or a server that is down), slow down (<see cref="ResponseDelay"/>:
/// everything the upstream sends reaches the client that much later) and heal.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(TcpClient Client, TcpClient Upstream)> _open = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    private TcpRelay(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Gets the port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Gets or sets how much later the client gets what the upstream sends (zero: at once).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Gets a value indicating whether the relay is cut.</summary>
    public bool IsCut => _cut;

    /// <summary>Gets how many connections were reset because the relay was cut.</summary>
    public int Resets { get; private set; }

    /// <summary>Starts relaying to <paramref name="upstreamPort"/> on 127.0.0.1.</summary>
    public static TcpRelay Start(int upstreamPort) => new(upstreamPort);

    /// <summary>Resets every open connection and every new one until <see cref="Heal"/>.</summary>
    public void Cut()
    {
        _cut = true;
        List<(TcpClient Client, TcpClient Upstream)> open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var (client, upstream) in open)
        {
            Reset(client);
            upstream.Dispose();
        }
    }

    /// <summary>Relays again.</summary>
    public void Heal() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (_cut)
            {
                Resets++;
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
        }
        catch (SocketException)
        {
            // The upstream is down: the client sees its connection reset, as it would see a refusal.
            Reset(client);
            upstream.Dispose();
            return;
        }
        catch (OperationCanceledException)
        {
            Reset(client);
            upstream.Dispose();
            return;
        }

        lock (_gate)
        {
            _open.Add((client, upstream));
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        try
        {
            var toUpstream = PumpAsync(client.GetStream(), upstream.GetStream(), () => TimeSpan.Zero, done.Token);
            var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), () => ResponseDelay, done.Token);
            await Task.WhenAny(toUpstream, toClient);
            await done.CancelAsync();
            await Task.WhenAll(toUpstream, toClient);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Either side went away.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove((client, upstream));
            }

            client.Dispose();
            upstream.Dispose();
        }
    }

    // Copies bytes as they come; with a delay, each chunk is written that long after it arrived (a constant latency, not a sum).
    private static async Task PumpAsync(Stream from, Stream to, Func<TimeSpan> delay, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateUnbounded<(byte[] Data, long Arrived)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = Task.Run(
            async () =>
            {
                await foreach (var (data, arrived) in chunks.Reader.ReadAllAsync(cancellationToken))
                {
                    var wait = delay() - System.Diagnostics.Stopwatch.GetElapsedTime(arrived);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellationToken);
                    }

                    await to.WriteAsync(data, cancellationToken);
                }
            },
            cancellationToken);
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                chunks.Writer.TryWrite((buffer[..read], System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await writing;
    }
}
