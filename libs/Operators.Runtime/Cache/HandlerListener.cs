using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Operators.Runtime.Cache;

/// <summary>
/// Delivers notifications to one handler through its own unbounded queue and pump task, so a slow handler
/// delays only itself. A handler that throws is logged and keeps receiving.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
internal sealed class HandlerListener<T> : IDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Channel<Notification<T>> _queue = Channel.CreateUnbounded<Notification<T>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResourceEventHandler<T> _handler;
    private readonly ILogger _logger;
    private readonly string _resource;
    private readonly Action<HandlerListener<T>> _onDispose;

    public HandlerListener(IResourceEventHandler<T> handler, ILogger logger, string resource, Action<HandlerListener<T>> onDispose)
    {
        _handler = handler;
        _logger = logger;
        _resource = resource;
        _onDispose = onDispose;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Gets the pump task; it ends after <see cref="Dispose"/> once the queue is drained.</summary>
    public Task Completion { get; }

    /// <summary>Queues a notification.</summary>
    public void Post(Notification<T> notification) => _queue.Writer.TryWrite(notification);

    /// <summary>Stops the listener: removes it from the informer and ends the pump after the queued notifications.</summary>
    public void Dispose()
    {
        _onDispose(this);
        _queue.Writer.TryComplete();
    }

    private async Task PumpAsync()
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                switch (notification.Kind)
                {
                    case NotificationKind.Add:
                        _handler.OnAdd(notification.Current, notification.Flag);
                        break;
                    case NotificationKind.Update:
                        _handler.OnUpdate(notification.Old!, notification.Current, notification.Flag);
                        break;
                    default:
                        _handler.OnDelete(notification.Current, notification.Flag);
                        break;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.HandlerFailed(_logger, e, _resource);
            }
        }
    }
}
