using System.Collections.Concurrent;
using k8s.Models;
using Operators.Runtime.Events;

namespace Operators.Runtime.Tests.Events;

/// <summary>Records the recorder's writes; can hold them until released, or fail them.</summary>
internal sealed class FakeEventSink : IEventSink
{
    private TaskCompletionSource _gate = CompletedGate();

    public ConcurrentQueue<Eventsv1Event> Created { get; } = new();

    public ConcurrentQueue<(string Namespace, string Name, int Count, DateTime LastObserved)> Patched { get; } = new();

    public int Entered => _entered;

    public Queue<Exception> Failures { get; } = new();

    private int _entered;

    /// <summary>Makes every write wait until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>Lets the writes waiting now go on, while later ones wait again.</summary>
    public void ReleaseWaitingOnly()
    {
        var waiting = _gate;
        Hold();
        waiting.TrySetResult();
    }

    public async Task CreateAsync(Eventsv1Event @event, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        Created.Enqueue(@event);
    }

    public async Task PatchSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        Patched.Enqueue((@namespace, name, series.Count, series.LastObservedTime));
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.WaitAsync(cancellationToken);
        lock (Failures)
        {
            if (Failures.TryDequeue(out var failure))
            {
                throw failure;
            }
        }
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
