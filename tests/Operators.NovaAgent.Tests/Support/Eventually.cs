using System.Diagnostics;

namespace Operators.NovaAgent.Tests.Support;

/// <summary>Waits for a condition with a real-time deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Returns the first non-null value of <paramref name="probe"/>; fails the test after the timeout (15 s by default).</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within the timeout (15 s by default).</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(async () => await condition() ? string.Empty : null, what, timeout);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within the timeout (15 s by default).</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
