namespace Operators.WorkQueue;

/// <summary>Shutdown, drain, timers and the periodic work metrics.</summary>
internal sealed partial class QueueCore<T>
{
    private TaskCompletionSource? _drained;
    private ITimer? _unfinishedWorkTimer;

    public void ShutDown()
    {
        lock (_lock)
        {
            BeginShutDown();

            // A shutdown without drain also ends any drain in progress.
            CompleteDrain();
        }
    }

    public ValueTask ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            BeginShutDown();
            if (_processingCount == 0)
            {
                return ValueTask.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        return new ValueTask(drained.WaitAsync(cancellationToken));
    }

    public void Dispose()
    {
        ShutDown();
        lock (_lock)
        {
            _unfinishedWorkTimer?.Dispose();
            _unfinishedWorkTimer = null;
        }
    }

    /// <summary>
    /// Stops the queue: later adds are ignored, consumers are told to stop, and what is queued or
    /// waiting is dropped. Items being processed stay known until their <c>Done</c>.
    /// </summary>
    private void BeginShutDown()
    {
        if (_shuttingDown)
        {
            return;
        }

        _shuttingDown = true;
        ReleaseWaitersForShutDown();

        var dropped = 0;
        foreach (var (item, state) in _items)
        {
            if (state.Status is ItemStatus.Ready or ItemStatus.Dirty)
            {
                dropped++;
            }

            if (!state.Processing)
            {
                _items.Remove(item);
            }
        }

        _metrics?.Dropped(dropped);
        _ready.Clear();
        _readyCount = 0;
        _waiting.Clear();
        _waitingCount = 0;
        _staleWaitingCount = 0;
        _delayTimer?.Dispose();
        _delayTimer = null;
        _timerDueAt = long.MaxValue;
    }

    private void CompleteDrain()
    {
        _drained?.TrySetResult();
        _drained = null;
    }

    /// <summary>Sets the unfinished-work and longest-running gauges from the items in flight.</summary>
    private void UpdateUnfinishedWork()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var total = 0d;
            var longest = 0d;
            foreach (var inFlight in _inFlight)
            {
                var seconds = _time.GetElapsedTime(inFlight.StartedAt, now).TotalSeconds;
                total += seconds;
                longest = Math.Max(longest, seconds);
            }

            _metrics!.SetUnfinishedWork(total, longest);

            // After shutdown, keep reporting until the last item in flight is done.
            if (_shuttingDown && _processingCount == 0)
            {
                _unfinishedWorkTimer?.Dispose();
                _unfinishedWorkTimer = null;
            }
        }
    }

    /// <summary>Creates a timer that does not capture the caller's execution context.</summary>
    private ITimer CreateTimer(TimerCallback callback, TimeSpan dueTime, TimeSpan period)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return _time.CreateTimer(callback, this, dueTime, period);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return _time.CreateTimer(callback, this, dueTime, period);
        }
    }
}
