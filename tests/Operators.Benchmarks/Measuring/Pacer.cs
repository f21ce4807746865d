using System.Diagnostics;

namespace Operators.Benchmarks.Measuring;

/// <summary>
/// Hands out operation numbers at a fixed rate to several concurrent senders: operation k is due
/// k / rate seconds after the start. A sender that is late sends at once (the achieved rate is measured).
/// </summary>
internal sealed class Pacer(double perSecond, int total)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private int _next = -1;

    /// <summary>Waits until the next operation is due; returns its number, or -1 when all are handed out.</summary>
    public async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        var k = Interlocked.Increment(ref _next);
        if (k >= total)
        {
            return -1;
        }

        var due = _start + (long)(k / perSecond * Stopwatch.Frequency);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, cancellationToken);
        }

        return k;
    }
}
