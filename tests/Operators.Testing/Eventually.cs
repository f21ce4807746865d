using System.Diagnostics;

namespace Operators.Testing;

/// <summary>Waits for a condition with a real-time deadline, polling; never a fixed sleep.</summary>
internal static class Eventually
{
    /// <summary>The default deadline: processes on a shared 2-core machine can be slow.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within the deadline.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }

                last = null;
            }
            catch (Exception e) when (e is not AssertionException)
            {
                last = e;
            }

            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {what}.{(last is null ? string.Empty : " Last error: " + last.Message)}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Fails the test when <paramref name="condition"/> does not hold within the deadline.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
