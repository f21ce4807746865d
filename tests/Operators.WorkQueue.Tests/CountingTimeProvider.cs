using Microsoft.Extensions.Time.Testing;

namespace Operators.WorkQueue.Tests;

/// <summary>A fake clock that counts the timers made from it.</summary>
internal sealed class CountingTimeProvider : FakeTimeProvider
{
    public int TimersCreated { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimersCreated++;
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
