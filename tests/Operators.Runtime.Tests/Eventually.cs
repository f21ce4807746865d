using System.Diagnostics;

namespace Operators.Runtime.Tests;

/// <summary>Waits for a condition with a real-time deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/> (15 s by default).</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/> (15 s by default).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await UntilAsync(condition, timeout ?? DefaultTimeout, what);

    /// <summary>Returns how long <paramref name="condition"/> took to hold; fails the test after <paramref name="timeout"/>.</summary>
    public static Task<TimeSpan> Until(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
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
