using k8s;
using k8s.Models;

namespace Operators.Runtime.Cache;

/// <summary>
/// A cache of one resource type in one namespace scope, kept in step with the API server by one list-watch,
/// shared by every controller of the process (get it from <see cref="SharedInformerFactory"/>). Handlers are
/// told of adds, updates (and periodic resyncs) and deletes, including deletes missed while disconnected.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface ISharedInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Gets the cache. Read-only for consumers: objects are shared.</summary>
    IIndexer<T> Indexer { get; }

    /// <summary>Gets a value indicating whether the first complete list is in the cache.</summary>
    bool HasSynced { get; }

    /// <summary>
    /// Adds a handler. If the informer already has objects, the handler first gets an add for each
    /// (<c>isInInitialList</c> true). Dispose the result to remove the handler.
    /// </summary>
    IDisposable AddEventHandler(IResourceEventHandler<T> handler);

    /// <summary>Waits until <see cref="HasSynced"/>; false when cancelled first.</summary>
    Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken);

    /// <summary>Lists, watches and dispatches until cancelled. Runs once per informer.</summary>
    /// <exception cref="InvalidOperationException">The informer is already running.</exception>
    Task RunAsync(CancellationToken cancellationToken);
}
