using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Operators.Runtime.Client;

namespace Operators.Runtime.Cache;

/// <summary>
/// Hands out one <see cref="SharedInformer{T}"/> per (type, namespace scope) per process, so every controller
/// that watches a type shares one list-watch and one cache. <see cref="Start"/> runs every informer made so far
/// and every one made later.
/// </summary>
public sealed class SharedInformerFactory : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string Namespace), Entry> _informers = [];
    private readonly List<Task> _runs = [];
    private readonly KubeApiClient _client;
    private readonly SharedInformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private CancellationTokenSource? _stopping;

    /// <summary>Initializes a new instance of the <see cref="SharedInformerFactory"/> class.</summary>
    /// <param name="client">The API client every informer uses.</param>
    /// <param name="options">Settings for every informer; defaults when null.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">Creates the informers' loggers.</param>
    public SharedInformerFactory(KubeApiClient client, SharedInformerOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new SharedInformerOptions();
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>Returns the informer of <typeparamref name="T"/> in a namespace (null: all namespaces), creating it on first use.</summary>
    public ISharedInformer<T> GetInformer<T>(string? namespaceName = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = (typeof(T), namespaceName ?? string.Empty);
        lock (_gate)
        {
            if (_informers.TryGetValue(key, out var existing))
            {
                return (ISharedInformer<T>)existing.Informer;
            }

            var logger = _loggerFactory.CreateLogger("Operators.Runtime.Cache.SharedInformer");
            var transform = _options.CompactObjects ? ObjectTransforms.DropManagedFieldsAndShare<T>(_client.JsonOptions) : null;
            var informer = new SharedInformer<T>(_client.For<T>(), namespaceName, _options, transform, _time, logger);
            var entry = new Entry(informer, informer.RunAsync, informer.WaitForCacheSyncAsync, informer.DisposeAsync);
            _informers.Add(key, entry);
            if (_stopping is not null)
            {
                _runs.Add(entry.Run(_stopping.Token));
            }

            return informer;
        }
    }

    /// <summary>Starts every informer (once); informers created later start at once.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopping is not null)
            {
                return;
            }

            _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            foreach (var entry in _informers.Values)
            {
                _runs.Add(entry.Run(_stopping.Token));
            }
        }
    }

    /// <summary>Waits until every informer created so far has synced; false when cancelled first.</summary>
    public async Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        Entry[] entries;
        lock (_gate)
        {
            entries = [.. _informers.Values];
        }

        var results = await Task.WhenAll(entries.Select(entry => entry.WaitForSync(cancellationToken))).ConfigureAwait(false);
        return results.All(synced => synced);
    }

    /// <summary>Stops every informer and waits for them and their handlers.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] runs;
        Entry[] entries;
        lock (_gate)
        {
            _stopping?.Cancel();
            runs = [.. _runs];
            entries = [.. _informers.Values];
        }

        await Task.WhenAll(runs).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await entry.Dispose().ConfigureAwait(false);
        }

        _stopping?.Dispose();
    }

    private sealed record Entry(object Informer, Func<CancellationToken, Task> Run, Func<CancellationToken, Task<bool>> WaitForSync, Func<ValueTask> Dispose);
}
