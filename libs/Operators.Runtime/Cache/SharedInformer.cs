using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Operators.Runtime.Client;

namespace Operators.Runtime.Cache;

/// <summary>
/// The <see cref="ISharedInformer{T}"/>: a <see cref="Reflector{T}"/> feeding an <see cref="Indexer{T}"/>, and
/// per-handler queues fed in the order the cache changed. A relist is diffed against the cache: new objects
/// become adds, changed ones updates, vanished ones tombstone deletes. Resync re-delivers every cached object
/// as an update flagged <c>isResync</c>, without API calls.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class SharedInformer<T> : ISharedInformer<T>, IReflectorSink<T>, IAsyncDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly Indexer<T> _indexer;
    private readonly List<HandlerListener<T>> _listeners = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Reflector<T> _reflector;
    private readonly SharedInformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _resource;
    private int _running;

    /// <summary>Initializes a new instance of the <see cref="SharedInformer{T}"/> class. Prefer <see cref="SharedInformerFactory"/>.</summary>
    /// <param name="client">The typed client to list and watch with.</param>
    /// <param name="namespaceName">The namespace to cache, or null for all namespaces (and cluster-scoped types).</param>
    /// <param name="options">Selectors, resync and reflector settings; defaults when null.</param>
    /// <param name="transform">Applied to objects before caching; drops managedFields when null.</param>
    /// <param name="timeProvider">The clock for resync, backoff and watch deadlines.</param>
    /// <param name="logger">Logs list/watch failures and handler exceptions.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public SharedInformer(
        IResourceClient<T> client,
        string? namespaceName = null,
        SharedInformerOptions? options = null,
        Func<T, T>? transform = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new SharedInformerOptions();
        var validation = new SharedInformerOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(SharedInformerOptions), typeof(SharedInformerOptions), validation.Failures);
        }

        Namespace = string.IsNullOrEmpty(namespaceName) ? null : namespaceName;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _resource = client.ResourceType.Plural;
        _indexer = new Indexer<T>(transform);
        _reflector = new Reflector<T>(client, Namespace, _options, this, _time, _logger);
    }

    /// <summary>Gets the namespace this informer caches, or null for all.</summary>
    public string? Namespace { get; }

    /// <inheritdoc />
    public IIndexer<T> Indexer => _indexer;

    /// <inheritdoc />
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Gets the last resourceVersion the informer has seen.</summary>
    public string? LastSyncResourceVersion => _reflector.ResourceVersion;

    /// <inheritdoc />
    public IDisposable AddEventHandler(IResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            var listener = new HandlerListener<T>(handler, _logger, _resource, RemoveListener);
            foreach (var obj in _indexer.List())
            {
                listener.Post(new Notification<T>(NotificationKind.Add, null, obj, true));
            }

            _listeners.Add(listener);
            return listener;
        }
    }

    /// <inheritdoc />
    public async Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _synced.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The informer is already running.");
        }

        var period = _options.ResyncPeriod;
        using var resync = period > TimeSpan.Zero ? _time.CreateTimer(static state => ((SharedInformer<T>)state!).Resync(), this, period, period) : null;
        await _reflector.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops delivering: every handler gets what is queued, then no more.</summary>
    public async ValueTask DisposeAsync()
    {
        HandlerListener<T>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(listeners.Select(listener => listener.Completion)).ConfigureAwait(false);
    }

    /// <summary>Hands every cached object to every handler as an update flagged as a resync.</summary>
    internal void Resync()
    {
        if (!HasSynced)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var obj in _indexer.List())
            {
                Post(new Notification<T>(NotificationKind.Update, obj, obj, true));
            }
        }
    }

    /// <inheritdoc />
    void IReflectorSink<T>.Replace(IReadOnlyList<T> items, string? resourceVersion)
    {
        lock (_gate)
        {
            var initial = !HasSynced;
            var result = _indexer.Replace(items);
            foreach (var obj in result.Added)
            {
                Post(new Notification<T>(NotificationKind.Add, null, obj, initial));
            }

            foreach (var (old, current) in result.Updated)
            {
                Post(new Notification<T>(NotificationKind.Update, old, current, false));
            }

            foreach (var obj in result.Deleted)
            {
                Post(new Notification<T>(NotificationKind.Delete, null, obj, true));
            }
        }

        _synced.TrySetResult();
    }

    /// <inheritdoc />
    void IReflectorSink<T>.Apply(WatchEvent<T> watchEvent)
    {
        lock (_gate)
        {
            if (watchEvent.Type == WatchEventType.Deleted)
            {
                var removed = _indexer.Remove(watchEvent.Object);
                Post(new Notification<T>(NotificationKind.Delete, null, removed ?? watchEvent.Object, false));
                return;
            }

            var (current, previous) = _indexer.Upsert(watchEvent.Object);
            Post(previous is null
                ? new Notification<T>(NotificationKind.Add, null, current, false)
                : new Notification<T>(NotificationKind.Update, previous, current, false));
        }
    }

    private void Post(Notification<T> notification)
    {
        foreach (var listener in _listeners)
        {
            listener.Post(notification);
        }
    }

    private void RemoveListener(HandlerListener<T> listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }
}
