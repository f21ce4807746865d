using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Operators.WorkQueue;

/// <summary>The waiting items: a min-heap by ready time, served by one timer.</summary>
internal sealed partial class QueueCore<T>
{
    // The timer is never set further out than this; it re-arms when it fires early.
    private static readonly TimeSpan LongestTimerDueTime = TimeSpan.FromHours(1);

    // Superseded heap nodes are skipped when they surface; the heap is rebuilt when they outnumber
    // the live ones (and are more than this many), so it stays within twice its live size.
    private const int StaleWaitingTolerated = 64;

    private readonly PriorityQueue<T, WaitKey> _waiting = new(WaitKeyComparer.Instance);
    private List<(T Item, WaitKey Key)>? _compactionBuffer;
    private ITimer? _delayTimer;
    private long _timerDueAt = long.MaxValue;
    private int _waitingCount;
    private int _staleWaitingCount;

    private void AddWaiting(T item, int priority, TimeSpan delay)
    {
        var now = _time.GetTimestamp();
        var readyAt = ReadyAt(now, delay);
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, item, out _);
        switch (state.Status)
        {
            case ItemStatus.Idle:
                state.Priority = priority;
                state.Status = ItemStatus.Waiting;
                _waitingCount++;
                PushWaiting(item, ref state, readyAt, now);
                break;
            case ItemStatus.Waiting:
                state.Priority = Math.Max(state.Priority, priority);
                if (readyAt < state.ReadyAt)
                {
                    PushWaiting(item, ref state, readyAt, now);
                    NoteStaleWaiting();
                }

                break;
            case ItemStatus.Ready:
                // Already ready, which is sooner than any delay.
                Raise(item, ref state, priority);
                break;
            case ItemStatus.Dirty:
                state.Priority = Math.Max(state.Priority, priority);
                break;
        }
    }

    private void PushWaiting(T item, ref ItemState state, long readyAt, long now)
    {
        state.ReadyAt = readyAt;
        state.Ticket = ++_lastTicket;
        _waiting.Enqueue(item, new WaitKey(readyAt, state.Ticket));
        if (readyAt < _timerDueAt)
        {
            ArmDelayTimer(readyAt, now);
        }
    }

    /// <summary>A waiting item became ready by an immediate add (call after its status changed); its heap node is now stale.</summary>
    private void CancelWaiting()
    {
        _waitingCount--;
        NoteStaleWaiting();
    }

    private void NoteStaleWaiting()
    {
        _staleWaitingCount++;
        if (_staleWaitingCount > StaleWaitingTolerated && _staleWaitingCount > _waitingCount)
        {
            _compactionBuffer ??= [];
            foreach (var (item, key) in _waiting.UnorderedItems)
            {
                if (IsLive(item, key))
                {
                    _compactionBuffer.Add((item, key));
                }
            }

            _waiting.Clear();
            _waiting.EnqueueRange(_compactionBuffer);
            _compactionBuffer.Clear();
            _staleWaitingCount = 0;
        }
    }

    private bool IsLive(T item, WaitKey key)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_items, item);
        return !Unsafe.IsNullRef(ref state) && state.Status == ItemStatus.Waiting && state.Ticket == key.Ticket;
    }

    private void OnDelayTimer()
    {
        lock (_lock)
        {
            _timerDueAt = long.MaxValue;
            if (_shuttingDown)
            {
                return;
            }

            var now = _time.GetTimestamp();
            while (_waiting.TryPeek(out var item, out var key))
            {
                var live = IsLive(item, key);
                if (live && key.ReadyAt > now)
                {
                    ArmDelayTimer(key.ReadyAt, now);
                    break;
                }

                _waiting.Dequeue();
                if (!live)
                {
                    _staleWaitingCount--;
                    continue;
                }

                _waitingCount--;
                MakeDirty(item, ref CollectionsMarshal.GetValueRefOrNullRef(_items, item));
            }

            ServeWaiters();
        }
    }

    private void ArmDelayTimer(long readyAt, long now)
    {
        _timerDueAt = readyAt;
        _delayTimer ??= CreateTimer(static state => ((QueueCore<T>)state!).OnDelayTimer(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _delayTimer.Change(DueTime(now, readyAt), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timestamp <paramref name="delay"/> after <paramref name="now"/>, saturating (never overflowing).</summary>
    private long ReadyAt(long now, TimeSpan delay)
    {
        var readyAt = now + ((Int128)delay.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);
        return readyAt >= long.MaxValue ? long.MaxValue : (long)readyAt;
    }

    /// <summary>
    /// The timer's due time for <paramref name="readyAt"/>: rounded up to whole milliseconds (the
    /// resolution of system timers, so a timer never fires just before its item is ready) and at
    /// most <see cref="LongestTimerDueTime"/>.
    /// </summary>
    private TimeSpan DueTime(long now, long readyAt)
    {
        var longest = (long)((Int128)LongestTimerDueTime.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);
        if (readyAt - now >= longest)
        {
            return LongestTimerDueTime;
        }

        var ticks = _time.GetElapsedTime(now, readyAt).Ticks;
        var milliseconds = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        return TimeSpan.FromMilliseconds(Math.Max(milliseconds, 1));
    }

    private readonly record struct WaitKey(long ReadyAt, long Ticket);

    /// <summary>Orders waiting items by ready time, then by the order they were added.</summary>
    private sealed class WaitKeyComparer : IComparer<WaitKey>
    {
        public static readonly WaitKeyComparer Instance = new();

        public int Compare(WaitKey x, WaitKey y)
        {
            var byTime = x.ReadyAt.CompareTo(y.ReadyAt);
            return byTime != 0 ? byTime : x.Ticket.CompareTo(y.Ticket);
        }
    }
}
