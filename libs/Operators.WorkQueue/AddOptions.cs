namespace Operators.WorkQueue;

/// <summary>How <see cref="IPriorityWorkQueue{T}.Add(T, AddOptions)"/> adds an item.</summary>
public readonly record struct AddOptions
{
    /// <summary>Gets the priority: higher is handed out first.</summary>
    /// <value>The default value is <see cref="WorkQueuePriority.Normal"/>.</value>
    public int Priority { get; init; }

    /// <summary>Gets how long to wait before the item is ready; zero or negative means now.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan After { get; init; }

    /// <summary>Gets a value indicating whether the rate limiter's delay applies (the shorter of it and <see cref="After"/>, when that is set).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RateLimited { get; init; }
}
