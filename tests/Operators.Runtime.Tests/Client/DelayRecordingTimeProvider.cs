using System.Collections.Concurrent;

namespace Operators.Runtime.Tests.Client;

/// <summary>
/// The system clock, except that delays of up to a minute (retry backoffs, rate-limit waits) are recorded and
/// fire at once, so a test asserts on the delays the client asked for without waiting them out. Longer timers
/// (request timeouts) run normally.
/// </summary>
internal sealed class DelayRecordingTimeProvider : TimeProvider
{
    private static readonly TimeSpan Shortcut = TimeSpan.FromMinutes(1);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime <= Shortcut && period == Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
