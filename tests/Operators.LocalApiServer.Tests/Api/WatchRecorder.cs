using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace Operators.LocalApiServer.Tests.Api;

/// <summary>Runs a ConfigMap watch through the real client in the background and records what arrives.</summary>
internal sealed class WatchRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public WatchRecorder(Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, V1ConfigMap)>> watch)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var (type, obj) in watch(e => Errors.Add(e), _stop.Token))
                {
                    Events.Enqueue((type, obj));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // Stopped or closed.
            }
            finally
            {
                Closed = true;
            }
        });
    }

    public ConcurrentQueue<(WatchEventType Type, V1ConfigMap Object)> Events { get; } = new();

    public ConcurrentBag<Exception> Errors { get; } = [];

    public bool Closed { get; private set; }

    public IReadOnlyList<(WatchEventType Type, V1ConfigMap Object)> NonBookmarks =>
        Events.Where(e => e.Type != WatchEventType.Bookmark).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
