namespace Operators.Benchmarks.Measuring;

/// <summary>Readings of the live managed heap that do not depend on when the last collection ran.</summary>
internal static class ManagedHeap
{
    private const long SettledWithin = 64 * 1024;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <see cref="GC.GetTotalMemory(bool)"/> after full collections, repeated every 250 ms until two readings
    /// are within 64 KiB (at most 3 s): buffers of a request that just finished are let go first.
    /// </summary>
    public static async Task<long> SettledAsync(CancellationToken cancellationToken)
    {
        var last = GC.GetTotalMemory(forceFullCollection: true);
        var waited = TimeSpan.Zero;
        while (waited < Longest)
        {
            await Task.Delay(Step, cancellationToken);
            waited += Step;
            var now = GC.GetTotalMemory(forceFullCollection: true);
            var settled = Math.Abs(now - last) <= SettledWithin;
            last = now;
            if (settled)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Collects until <paramref name="reference"/>'s target is gone; false when it is still alive after <paramref name="deadline"/>.</summary>
    public static async Task<bool> WaitUntilCollectedAsync(WeakReference reference, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!reference.IsAlive)
            {
                return true;
            }

            if (waited >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            waited += TimeSpan.FromMilliseconds(50);
        }
    }
}
