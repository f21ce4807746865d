namespace Operators.Runtime.Tests.Cache;

/// <summary>Waits for a condition with a deadline (polling), never for a fixed time.</summary>
internal static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
