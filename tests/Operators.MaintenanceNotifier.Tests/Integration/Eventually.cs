using System.Diagnostics;

namespace Operators.MaintenanceNotifier.Tests.Integration;

/// <summary>Waits for a condition with a real-time deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>The default deadline: generous, because the machine is shared.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns the first non-null value of <paramref name="probe"/>; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (watch.Elapsed > (timeout ?? DefaultTimeout))
            {
                Assert.Fail($"Timed out after {timeout ?? DefaultTimeout} waiting until {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/>.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition() ? new object() : null), what, timeout);
}
