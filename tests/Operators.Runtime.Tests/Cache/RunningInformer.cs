using k8s.Models;
using Operators.Runtime.Cache;

namespace Operators.Runtime.Tests.Cache;

/// <summary>An informer running in the background with a recording handler; disposing stops it, even when a test fails.</summary>
internal sealed class RunningInformer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public RunningInformer(SharedInformer<V1ConfigMap> informer)
    {
        Informer = informer;
        informer.AddEventHandler(Handler);
        _run = informer.RunAsync(_stop.Token);
    }

    public SharedInformer<V1ConfigMap> Informer { get; }

    public RecordingHandler Handler { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Informer.DisposeAsync();
        _stop.Dispose();
    }
}
