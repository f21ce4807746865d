using System.Diagnostics;
using System.Globalization;
using Operators.Api;
using Operators.Api.NovaAgents;

namespace Operators.Benchmarks.ApiServer;

/// <summary>
/// Many raw watch streams on one namespace, each counting the MODIFIED lines it reads. Raw HTTP (no
/// JSON decoding) so that the figure is the server's fan-out, not 100 clients' deserialization on
/// the same cores.
/// </summary>
internal sealed class WatchFanOut : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly int[] _modified;
    private readonly int[] _added;
    private readonly Task[] _readers;

    private WatchFanOut(Uri server, string namespaceName, int watchers)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = watchers + 16 }) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _modified = new int[watchers];
        _added = new int[watchers];
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"apis/{ApiGroup.Name}/{ApiGroup.Version}/namespaces/{namespaceName}/{V1Alpha1NovaAgent.Plural}?watch=true&timeoutSeconds=3600");
        _readers = [.. Enumerable.Range(0, watchers).Select(i => Task.Run(() => ReadAsync(path, i)))];
    }

    /// <summary>Opens the watches; each first gets one ADDED event per existing object.</summary>
    public static WatchFanOut Open(Uri server, string namespaceName, int watchers) => new(server, namespaceName, watchers);

    public int MinimumAdded => _added.Min();

    public long TotalModified => _modified.Sum(m => (long)m);

    public int MinimumModified => _modified.Min();

    /// <summary>Waits until every watcher has counted <paramref name="count"/> of the lines <paramref name="which"/> reads.</summary>
    public async Task<bool> WaitAsync(Func<WatchFanOut, int> which, int count, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (which(this) < count)
        {
            if (watch.Elapsed > deadline || _readers.Any(r => r.IsFaulted))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_readers);
        }
        catch (OperationCanceledException)
        {
            // Stopped here.
        }
        catch (HttpRequestException)
        {
            // The server went away first.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(string path, int index)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("{\"type\":\"MODIFIED\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _modified[index]);
            }
            else if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _added[index]);
            }
        }
    }
}
