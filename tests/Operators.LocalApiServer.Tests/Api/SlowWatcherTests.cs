using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using k8s;

namespace Operators.LocalApiServer.Tests.Api;

public sealed class SlowWatcherTests : ServerFixture
{
    private const int Objects = 300;

    protected override LocalApiServerOptions Options() => new() { WatchBufferEvents = 10 };

    [Test]
    public async Task WatcherThatDoesNotRead_IsDropped_WhileWritesAndOtherWatchersGoOn()
    {
        using var slow = new TcpClient { ReceiveBufferSize = 4096 };
        await slow.ConnectAsync("127.0.0.1", Server.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v1/namespaces/{Ns}/configmaps?watch=true HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n"));
        await using var reader = new WatchRecorder((onError, ct) => Client.CoreV1.WatchListNamespacedConfigMapAsync(Ns, onError: onError, cancellationToken: ct));
        (await EventuallyAsync(() => Task.FromResult(Server.Requests.Get("watch", "configmaps") == 2))).Should().BeTrue();

        var payload = new string('x', 64 * 1024);
        for (var i = 0; i < Objects; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMapCrudTests.NewMap("big-" + i, payload), Ns);
        }

        (await EventuallyAsync(() => Task.FromResult(reader.NonBookmarks.Count == Objects), TimeSpan.FromSeconds(30)))
            .Should().BeTrue("a watcher that reads gets every event");
        var received = await DrainAsync(stream, TimeSpan.FromSeconds(30));
        received.Closed.Should().BeTrue("the server ends the stream of a watcher that fell behind");
        received.Events.Should().BeLessThan(Objects);
    }

    private static async Task<(bool Closed, int Events)> DrainAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[1 << 16];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed as well.
        }
        catch (OperationCanceledException)
        {
            return (false, Count(text));
        }

        return (true, Count(text));
    }

    private static int Count(StringBuilder text)
    {
        var all = text.ToString();
        var count = 0;
        for (var at = all.IndexOf("\"type\":\"ADDED\"", StringComparison.Ordinal); at >= 0; at = all.IndexOf("\"type\":\"ADDED\"", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
