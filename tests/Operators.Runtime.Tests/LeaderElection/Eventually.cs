using System.Diagnostics;

namespace Operators.Runtime.Tests.LeaderElection;

/// <summary>Waits on a condition with a real-time deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns the time it took for <paramref name="condition"/> to hold; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail($"Timed out after {timeout} waiting until {what}.");
            }

            await Task.Delay(Poll);
        }

        return watch.Elapsed;
    }
}
