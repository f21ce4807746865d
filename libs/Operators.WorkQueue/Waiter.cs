using System.Threading.Tasks.Sources;

namespace Operators.WorkQueue;

/// <summary>
/// A consumer parked in <c>GetAsync</c> until an item or the shutdown reaches it. Waiters are
/// pooled by their queue and linked into its first-in-first-out list of waiters, so one item wakes
/// exactly one consumer, the one that has waited longest.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class Waiter<T> : IValueTaskSource<(T Item, bool Shutdown)>, IValueTaskSource<(T Item, int Priority, bool Shutdown)>
    where T : notnull
{
    private readonly QueueCore<T> _owner;

    // Continuations run on the thread pool: a producer never runs a consumer's code inside Add.
    private ManualResetValueTaskSourceCore<Handout> _source = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;

    public Waiter(QueueCore<T> owner) => _owner = owner;

    public Waiter<T>? Previous { get; set; }

    public Waiter<T>? Next { get; set; }

    public bool IsLinked { get; set; }

    public short Version => _source.Version;

    /// <summary>Cancels the wait when <paramref name="cancellationToken"/> fires. Called outside the queue's lock.</summary>
    public void Watch(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((Waiter<T>)state!)._owner.Cancel((Waiter<T>)state!, token), this);
        }
    }

    public void Complete(T item, int priority, bool shutdown) => _source.SetResult(new Handout(item, priority, shutdown));

    public void Fail(Exception exception) => _source.SetException(exception);

    (T Item, bool Shutdown) IValueTaskSource<(T Item, bool Shutdown)>.GetResult(short token)
    {
        var handout = Consume(token);
        return (handout.Item, handout.Shutdown);
    }

    (T Item, int Priority, bool Shutdown) IValueTaskSource<(T Item, int Priority, bool Shutdown)>.GetResult(short token)
    {
        var handout = Consume(token);
        return (handout.Item, handout.Priority, handout.Shutdown);
    }

    ValueTaskSourceStatus IValueTaskSource<(T Item, bool Shutdown)>.GetStatus(short token) => _source.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource<(T Item, int Priority, bool Shutdown)>.GetStatus(short token) => _source.GetStatus(token);

    void IValueTaskSource<(T Item, bool Shutdown)>.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource<(T Item, int Priority, bool Shutdown)>.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);

    private Handout Consume(short token)
    {
        if (token != _source.Version)
        {
            throw new InvalidOperationException("The result of a work queue's GetAsync can be awaited only once.");
        }

        try
        {
            return _source.GetResult(token);
        }
        finally
        {
            // Dispose waits for a cancellation callback that is running, so the waiter is never
            // reused while that callback could still see it.
            _cancellation.Dispose();
            _cancellation = default;
            _source.Reset();
            _owner.Return(this);
        }
    }

    private readonly record struct Handout(T Item, int Priority, bool Shutdown);
}
