namespace Operators.WorkQueue;

/// <summary>
/// The ready items: one first-in-first-out line per priority, highest priority served first.
/// Nodes carry the ticket they were queued with; the queue skips nodes whose ticket is no longer
/// the item's (the item moved to a higher priority), so nothing is ever removed from the middle.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ReadyLine<T>
    where T : notnull
{
    // Priorities are a handful of levels; above this many, empty levels are dropped before a new one is made.
    private const int LevelsKeptWhenEmpty = 16;

    private readonly List<Level> _levels = []; // highest priority first

    /// <summary>Gets the number of nodes in all lines, stale ones included.</summary>
    public int NodeCount { get; private set; }

    public void Enqueue(T item, int priority, long ticket)
    {
        FindOrCreate(priority).Nodes.Enqueue(new Node(item, ticket));
        NodeCount++;
    }

    public bool TryDequeue(out T item, out int priority, out long ticket)
    {
        for (var index = 0; index < _levels.Count; index++)
        {
            var level = _levels[index];
            if (level.Nodes.TryDequeue(out var node))
            {
                NodeCount--;
                (item, priority, ticket) = (node.Item, level.Priority, node.Ticket);
                return true;
            }
        }

        (item, priority, ticket) = (default!, 0, 0);
        return false;
    }

    public void Clear()
    {
        foreach (var level in _levels)
        {
            level.Nodes.Clear();
        }

        NodeCount = 0;
    }

    private Level FindOrCreate(int priority)
    {
        var index = 0;
        for (; index < _levels.Count; index++)
        {
            var level = _levels[index];
            if (level.Priority == priority)
            {
                return level;
            }

            if (level.Priority < priority)
            {
                break;
            }
        }

        if (_levels.Count >= LevelsKeptWhenEmpty && _levels.RemoveAll(static level => level.Nodes.Count == 0) > 0)
        {
            return FindOrCreate(priority);
        }

        var created = new Level(priority);
        _levels.Insert(index, created);
        return created;
    }

    private readonly record struct Node(T Item, long Ticket);

    private sealed class Level(int priority)
    {
        public int Priority { get; } = priority;

        public Queue<Node> Nodes { get; } = new();
    }
}
