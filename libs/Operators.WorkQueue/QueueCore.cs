using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Operators.WorkQueue.Metrics;

namespace Operators.WorkQueue;

/// <summary>
/// The engine behind every queue of this library: one lock, one entry per item (a dictionary), a
/// ready line per priority, a min-heap of waiting items with one timer, and a list of parked
/// consumers. The public queues expose layers of it.
/// </summary>
/// <remarks>
/// Every field is guarded by <see cref="_lock"/>. Nothing awaits or calls user code while holding
/// it: waiters are completed with asynchronous continuations, rate limiters are asked before the
/// lock is taken, and cancellation is registered after it is released.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed partial class QueueCore<T> : IDisposable
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<T, ItemState> _items = [];
    private readonly ReadyLine<T> _ready = new();
    private readonly TimeProvider _time;
    private readonly QueueMetrics? _metrics;
    private readonly List<InFlight> _inFlight = [];
    private int _readyCount;
    private int _processingCount;
    private long _lastTicket;
    private volatile bool _shuttingDown;

    public QueueCore(WorkQueueOptions options, TimeProvider timeProvider, IWorkQueueMetricsProvider? metricsProvider)
    {
        _time = timeProvider;
        _metrics = QueueMetrics.Create(options.Name, metricsProvider);
        if (_metrics is not null)
        {
            var period = options.UnfinishedWorkUpdatePeriod;
            _unfinishedWorkTimer = CreateTimer(static state => ((QueueCore<T>)state!).UpdateUnfinishedWork(), period, period);
        }
    }

    public int Count => Volatile.Read(ref _readyCount);

    public bool IsShuttingDown => _shuttingDown;

    /// <summary>
    /// Adds <paramref name="item"/> now (<paramref name="delay"/> not positive) or after
    /// <paramref name="delay"/>. One entry per item: a queued item keeps its place and takes the
    /// higher priority; a waiting item keeps the earlier time, or becomes ready now.
    /// </summary>
    public void Add(T item, int priority, TimeSpan delay, bool isRetry)
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            if (isRetry)
            {
                _metrics?.Retried();
            }

            if (delay > TimeSpan.Zero)
            {
                AddWaiting(item, priority, delay);
                return;
            }

            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, item, out _);
            switch (state.Status)
            {
                case ItemStatus.Idle:
                    state.Priority = priority;
                    MakeDirty(item, ref state);
                    break;
                case ItemStatus.Waiting:
                    state.Priority = Math.Max(state.Priority, priority);
                    MakeDirty(item, ref state);
                    CancelWaiting();
                    break;
                case ItemStatus.Ready:
                    Raise(item, ref state, priority);
                    break;
                case ItemStatus.Dirty:
                    state.Priority = Math.Max(state.Priority, priority);
                    break;
            }

            ServeWaiters();
        }
    }

    /// <summary>Marks the end of processing; an item added meanwhile joins the back of its line.</summary>
    public void Done(T item)
    {
        lock (_lock)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_items, item);
            if (Unsafe.IsNullRef(ref state) || !state.Processing)
            {
                return;
            }

            state.Processing = false;
            _processingCount--;
            if (_metrics is not null)
            {
                FinishInFlight(state.InFlightSlot);
            }

            if (_shuttingDown || state.Status == ItemStatus.Idle)
            {
                _items.Remove(item);
                if (_shuttingDown && _processingCount == 0)
                {
                    CompleteDrain();
                }

                return;
            }

            if (state.Status == ItemStatus.Dirty)
            {
                Enqueue(item, ref state);
                ServeWaiters();
            }
        }
    }

    /// <summary>Takes the next item, or parks a waiter (returned) when there is none.</summary>
    /// <returns>The parked waiter, or <see langword="null"/> when the out values are the answer.</returns>
    private Waiter<T>? TakeOrPark(out T item, out int priority, out bool shutdown)
    {
        lock (_lock)
        {
            shutdown = _shuttingDown;
            if (shutdown)
            {
                (item, priority) = (default!, 0);
                return null;
            }

            if (TryTake(out item, out priority))
            {
                return null;
            }

            return Park();
        }
    }

    /// <summary>Counts an item as added and queues it, or marks it dirty while it is processed.</summary>
    private void MakeDirty(T item, ref ItemState state)
    {
        if (_metrics is not null)
        {
            state.AddedAt = _time.GetTimestamp();
            _metrics.Added();
        }

        if (state.Processing)
        {
            state.Status = ItemStatus.Dirty;
            return;
        }

        Enqueue(item, ref state);
    }

    private void Enqueue(T item, ref ItemState state)
    {
        state.Status = ItemStatus.Ready;
        state.Ticket = ++_lastTicket;
        _ready.Enqueue(item, state.Priority, state.Ticket);
        _readyCount++;
    }

    /// <summary>Moves a queued item to a higher priority; its old node becomes stale.</summary>
    private void Raise(T item, ref ItemState state, int priority)
    {
        if (priority <= state.Priority)
        {
            return;
        }

        state.Priority = priority;
        state.Ticket = ++_lastTicket;
        _ready.Enqueue(item, priority, state.Ticket);
    }

    /// <summary>Hands the next ready item out: highest priority first, first in first out within one.</summary>
    private bool TryTake(out T item, out int priority)
    {
        if (_readyCount == 0)
        {
            if (_ready.NodeCount > 0)
            {
                // Only stale nodes can be left: drop them at once.
                _ready.Clear();
            }

            (item, priority) = (default!, 0);
            return false;
        }

        while (_ready.TryDequeue(out item, out priority, out var ticket))
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_items, item);
            if (Unsafe.IsNullRef(ref state) || state.Status != ItemStatus.Ready || state.Ticket != ticket)
            {
                continue;
            }

            state.Status = ItemStatus.Idle;
            state.Processing = true;
            _readyCount--;
            _processingCount++;
            if (_metrics is not null)
            {
                StartInFlight(item, ref state);
            }

            return true;
        }

        return false;
    }

    private void StartInFlight(T item, ref ItemState state)
    {
        var now = _time.GetTimestamp();
        _metrics!.Taken(_time.GetElapsedTime(state.AddedAt, now));
        state.InFlightSlot = _inFlight.Count;
        _inFlight.Add(new InFlight(item, now));
    }

    private void FinishInFlight(int slot)
    {
        _metrics!.Finished(_time.GetElapsedTime(_inFlight[slot].StartedAt, _time.GetTimestamp()));
        var last = _inFlight.Count - 1;
        if (slot != last)
        {
            var moved = _inFlight[last];
            _inFlight[slot] = moved;
            CollectionsMarshal.GetValueRefOrNullRef(_items, moved.Item).InFlightSlot = slot;
        }

        _inFlight.RemoveAt(last);
    }

    private readonly record struct InFlight(T Item, long StartedAt);
}
