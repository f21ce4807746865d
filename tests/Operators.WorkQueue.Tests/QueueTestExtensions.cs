using FluentAssertions;

namespace Operators.WorkQueue.Tests;

/// <summary>Takes items from a queue in tests, where an item must be there at once.</summary>
internal static class QueueTestExtensions
{
    public static T Take<T>(this IWorkQueue<T> queue)
        where T : notnull
    {
        var pending = queue.GetAsync();
        pending.IsCompleted.Should().BeTrue("an item should be ready");
        var (item, shutdown) = pending.Result;
        shutdown.Should().BeFalse();
        return item;
    }

    public static (T Item, int Priority) TakeWithPriority<T>(this IPriorityWorkQueue<T> queue)
        where T : notnull
    {
        var pending = queue.GetWithPriorityAsync();
        pending.IsCompleted.Should().BeTrue("an item should be ready");
        var (item, priority, shutdown) = pending.Result;
        shutdown.Should().BeFalse();
        return (item, priority);
    }

    /// <summary>Takes every ready item, marking each done right away.</summary>
    public static List<T> TakeAllAndDone<T>(this IWorkQueue<T> queue)
        where T : notnull
    {
        var taken = new List<T>();
        while (queue.Count > 0)
        {
            var item = queue.Take();
            taken.Add(item);
            queue.Done(item);
        }

        return taken;
    }
}
