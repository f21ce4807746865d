namespace Operators.Benchmarks.Queue;

/// <summary>Realistic reconcile keys (<c>namespace/name</c> of NovaAgents), created once per benchmark.</summary>
internal static class QueueKeys
{
    public static string[] Create(int count, string prefix = "nova-compute") =>
        [.. Enumerable.Range(0, count).Select(i => $"openstack/{prefix}-node{i:D5}-bb{i % 1000:D3}")];

    /// <summary>The item of a <c>GetAsync</c> that must have completed at once (something was ready).</summary>
    public static T Ready<T>(ValueTask<(T Item, bool Shutdown)> pending) =>
        pending.IsCompletedSuccessfully && !pending.Result.Shutdown
            ? pending.Result.Item
            : throw new InvalidOperationException("The queue had nothing ready: the benchmark is not in its steady state.");

    /// <summary>The item and priority of a <c>GetWithPriorityAsync</c> that must have completed at once.</summary>
    public static (T Item, int Priority) Ready<T>(ValueTask<(T Item, int Priority, bool Shutdown)> pending) =>
        pending.IsCompletedSuccessfully && !pending.Result.Shutdown
            ? (pending.Result.Item, pending.Result.Priority)
            : throw new InvalidOperationException("The queue had nothing ready: the benchmark is not in its steady state.");
}
