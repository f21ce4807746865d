namespace Operators.WorkQueue;

/// <summary>The consumers: hand-outs, and the first-in-first-out list of parked waiters.</summary>
internal sealed partial class QueueCore<T>
{
    private readonly Stack<Waiter<T>> _idleWaiters = new();
    private Waiter<T>? _firstWaiter;
    private Waiter<T>? _lastWaiter;

    public ValueTask<(T Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<(T Item, bool Shutdown)>(cancellationToken);
        }

        var waiter = TakeOrPark(out var item, out _, out var shutdown);
        if (waiter is null)
        {
            return new((item, shutdown));
        }

        var version = waiter.Version;
        waiter.Watch(cancellationToken);
        return new(waiter, version);
    }

    public ValueTask<(T Item, int Priority, bool Shutdown)> GetWithPriorityAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<(T Item, int Priority, bool Shutdown)>(cancellationToken);
        }

        var waiter = TakeOrPark(out var item, out var priority, out var shutdown);
        if (waiter is null)
        {
            return new((item, priority, shutdown));
        }

        var version = waiter.Version;
        waiter.Watch(cancellationToken);
        return new(waiter, version);
    }

    /// <summary>Takes a waiter back after its result was read.</summary>
    public void Return(Waiter<T> waiter)
    {
        lock (_lock)
        {
            _idleWaiters.Push(waiter);
        }
    }

    /// <summary>Ends a wait whose token fired, unless an item or the shutdown reached the waiter first.</summary>
    public void Cancel(Waiter<T> waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!waiter.IsLinked)
            {
                return;
            }

            Unlink(waiter);
        }

        waiter.Fail(new OperationCanceledException(cancellationToken));
    }

    /// <summary>Parks a consumer at the back of the waiters' line.</summary>
    private Waiter<T> Park()
    {
        var waiter = _idleWaiters.TryPop(out var idle) ? idle : new Waiter<T>(this);
        waiter.IsLinked = true;
        waiter.Previous = _lastWaiter;
        waiter.Next = null;
        if (_lastWaiter is null)
        {
            _firstWaiter = waiter;
        }
        else
        {
            _lastWaiter.Next = waiter;
        }

        _lastWaiter = waiter;
        return waiter;
    }

    private void Unlink(Waiter<T> waiter)
    {
        if (waiter.Previous is null)
        {
            _firstWaiter = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _lastWaiter = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Previous = null;
        waiter.Next = null;
        waiter.IsLinked = false;
    }

    /// <summary>
    /// Gives ready items to parked waiters, one item to one waiter, longest waiting first. Waiters
    /// exist only while nothing is ready, so a queue with no waiters pays one field read.
    /// </summary>
    private void ServeWaiters()
    {
        while (_firstWaiter is { } waiter && TryTake(out var item, out var priority))
        {
            Unlink(waiter);
            waiter.Complete(item, priority, shutdown: false);
        }
    }

    private void ReleaseWaitersForShutDown()
    {
        while (_firstWaiter is { } waiter)
        {
            Unlink(waiter);
            waiter.Complete(default!, 0, shutdown: true);
        }
    }
}
