using System.Diagnostics;
using Operators.Api.BuildingBlocks;
using Operators.Runtime.Client;

namespace Operators.Benchmarks.Scale;

/// <summary>
/// Follows the BuildingBlocks of a namespace with one watch (resumed from the last resourceVersion when it
/// ends, relisted after a 410) and notes the moment every expected block is converged
/// (<see cref="BlockSamples.IsConverged"/>). One stream, no polling: the observer is not the load.
/// </summary>
internal sealed class ConvergenceWatch : IAsyncDisposable
{
    private readonly IResourceClient<V1Alpha1BuildingBlock> _blocks;
    private readonly string _namespace;
    private readonly int _expected;
    private readonly int _hosts;
    private readonly HashSet<string> _converged = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    private ConvergenceWatch(IResourceClient<V1Alpha1BuildingBlock> blocks, string namespaceName, int expected, int hosts)
    {
        _blocks = blocks;
        _namespace = namespaceName;
        _expected = expected;
        _hosts = hosts;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Gets how many blocks are converged now.</summary>
    public int Converged => Volatile.Read(ref _count);

    /// <summary>Gets a task completing with the <see cref="Stopwatch"/> timestamp of the event that made the last block converge.</summary>
    public Task<long> AllConverged => _done.Task;

    /// <summary>Starts following <paramref name="expected"/> blocks of <paramref name="hosts"/> hosts each.</summary>
    public static ConvergenceWatch Start(IResourceClient<V1Alpha1BuildingBlock> blocks, string namespaceName, int expected, int hosts) =>
        new(blocks, namespaceName, expected, hosts);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await _blocks.ListAsync(_namespace, cancellationToken: cancellationToken);
                    _converged.Clear();
                    foreach (var block in list.Items)
                    {
                        Observe(block, deleted: false);
                    }

                    resourceVersion = list.ResourceVersion;
                }

                var options = new WatchOptions { ResourceVersion = resourceVersion, AllowWatchBookmarks = true, TimeoutSeconds = 300 };
                await foreach (var e in _blocks.WatchAsync(_namespace, options, cancellationToken))
                {
                    resourceVersion = e.Object.Metadata?.ResourceVersion ?? resourceVersion;
                    if (e.Type != WatchEventType.Bookmark)
                    {
                        Observe(e.Object, e.Type == WatchEventType.Deleted);
                    }
                }
            }
            catch (KubernetesGoneException)
            {
                resourceVersion = null;
            }
            catch (Exception e) when (e is HttpRequestException or KubernetesApiException or IOException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private void Observe(V1Alpha1BuildingBlock block, bool deleted)
    {
        var name = block.Metadata.Name;
        var changed = !deleted && BlockSamples.IsConverged(block, _hosts) ? _converged.Add(name) : _converged.Remove(name);
        if (!changed)
        {
            return;
        }

        Volatile.Write(ref _count, _converged.Count);
        if (_converged.Count >= _expected)
        {
            _done.TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
