using System.Diagnostics;

namespace Operators.BuildingBlock.Tests;

/// <summary>Waits for a condition with a real-time deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/> (15 s by default).</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/> (15 s by default).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Polls <paramref name="read"/> until its value satisfies <paramref name="condition"/>, and returns that value.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        T value = default!;
        await HoldsAsync(async () => condition(value = await read()), what, timeout);
        return value;
    }
}
