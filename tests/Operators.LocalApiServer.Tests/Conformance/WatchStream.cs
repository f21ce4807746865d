using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// A watch read in the background: every newline-delimited JSON event is kept in arrival order
/// until the server closes the stream or the watch is closed.
/// </summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage? _response;
    private readonly Task _reader;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;

    /// <summary>Starts reading <paramref name="response"/> (a 200 answer to a watch), or makes a closed, empty watch.</summary>
    public WatchStream(HttpResponseMessage? response)
    {
        _response = response;
        _closed = response is null;
        _reader = response is null ? Task.CompletedTask : ReadAsync(response, _stop.Token);
    }

    /// <summary>Index of the first event not yet handed to a <c>watchEvents</c> step.</summary>
    public int Cursor { get; set; }

    /// <summary>True once the server closed the stream (or it never opened).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>The events received so far.</summary>
    public IReadOnlyList<JsonObject> Events()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every event and on close.</summary>
    /// <returns>True when it held before <paramref name="timeout"/> ran out.</returns>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return true;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(changed, Task.Delay(remaining, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Stops reading and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _response?.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    Publish(Parse(line), closed: false);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // The stream ended; the server closing it is what untilClosed waits for.
        }
        finally
        {
            Publish(null, closed: true);
        }
    }

    private void Publish(JsonObject? watchEvent, bool closed)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (watchEvent is not null)
            {
                _events.Add(watchEvent);
            }

            _closed |= closed;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private static JsonObject Parse(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject watchEvent)
            {
                return watchEvent;
            }
        }
        catch (JsonException)
        {
            // Recorded below as a non-JSON event.
        }

        return new JsonObject { ["type"] = null, ["object"] = new JsonObject { ["<non-json>"] = line.Length > 200 ? line[..200] : line } };
    }
}
