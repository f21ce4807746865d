using Operators.LocalRun;
using Operators.WebhookReceiver;

namespace Operators.Soak;

/// <summary>
/// Takes a <see cref="Sample"/> every interval: the resident memory of every process, each operator's
/// reconcile count from its <c>/metrics</c>, the API server's write count and the notifications received.
/// </summary>
internal sealed class Sampler(SoakSystem system, ResilientApi api, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<Sample> _samples = [];
    private readonly Lock _gate = new();

    /// <summary>Gets a copy of the samples so far.</summary>
    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Samples until <paramref name="stop"/> is cancelled (one sample at once, one at the end).</summary>
    /// <param name="interval">The time between samples.</param>
    /// <param name="startedAt">The timestamp the run started at.</param>
    /// <param name="stop">Ends the sampling.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task RunAsync(TimeSpan interval, long startedAt, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await TakeAsync(startedAt, stop);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Takes one sample.</summary>
    /// <param name="startedAt">The timestamp the run started at.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The sample.</returns>
    public async Task<Sample> TakeAsync(long startedAt, CancellationToken cancellationToken)
    {
        var memory = system.Sampled.ToDictionary(c => c.Name, c => c.HasExited ? null : ProcessMemory.RssMiB(c.Pid), StringComparer.Ordinal);
        var reconciles = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var program in OperatorProgram.All)
        {
            reconciles[program.Prefix] = await ReconcilesAsync(system.Local.Endpoints[program], cancellationToken);
        }

        var counters = await api.TryGetOnceAsync("/_local/counters", cancellationToken);
        var sample = new Sample(time.GetElapsedTime(startedAt), memory, reconciles, counters?["writes"]?.GetValue<long>(), Received(system.Receiver));
        lock (_gate)
        {
            _samples.Add(sample);
        }

        return sample;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static int Received(NotificationReceiver receiver) => receiver.Received.Count;

    private async Task<double?> ReconcilesAsync(OperatorEndpoints endpoints, CancellationToken cancellationToken)
    {
        try
        {
            var text = await _http.GetStringAsync(endpoints.Metrics, cancellationToken);
            return PrometheusText.Sum(text, "controller_runtime_reconcile_total");
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
