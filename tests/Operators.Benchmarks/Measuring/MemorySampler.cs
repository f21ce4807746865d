namespace Operators.Benchmarks.Measuring;

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory(bool)"/> without collecting, so garbage
/// not yet collected counts) on a background thread and keeps the highest value.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly TimeSpan _interval;
    private long _peak;

    private MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _peak = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory-sampler" };
        _thread.Start();
    }

    public static MemorySampler Start(TimeSpan interval) => new(interval);

    /// <summary>Stops sampling and returns the highest managed heap size seen, in bytes.</summary>
    public long Stop()
    {
        _stop.Set();
        _thread.Join();
        return Math.Max(Volatile.Read(ref _peak), GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose()
    {
        if (!_stop.IsSet)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void Sample()
    {
        while (!_stop.Wait(_interval))
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > Volatile.Read(ref _peak))
            {
                Volatile.Write(ref _peak, now);
            }
        }
    }
}
