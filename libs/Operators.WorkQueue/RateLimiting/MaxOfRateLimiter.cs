namespace Operators.WorkQueue.RateLimiting;

/// <summary>
/// Combines rate limiters: every one is asked, and the longest delay wins (so each limit holds).
/// <see cref="NumRequeues"/> is the largest count; <see cref="Forget"/> goes to all. Thread-safe
/// when its limiters are.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MaxOfRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly IRateLimiter<T>[] _limiters;

    /// <summary>Initializes a new instance of the <see cref="MaxOfRateLimiter{T}"/> class.</summary>
    /// <param name="limiters">The limiters to combine: at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="limiters"/> is empty or holds <see langword="null"/>.</exception>
    public MaxOfRateLimiter(params IEnumerable<IRateLimiter<T>> limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        _limiters = [.. limiters];
        if (_limiters.Length == 0 || Array.Exists(_limiters, static limiter => limiter is null))
        {
            throw new ArgumentException("At least one rate limiter, and no null, is needed.", nameof(limiters));
        }
    }

    /// <inheritdoc />
    public TimeSpan When(T item)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    /// <inheritdoc />
    public int NumRequeues(T item)
    {
        var most = 0;
        foreach (var limiter in _limiters)
        {
            most = Math.Max(most, limiter.NumRequeues(item));
        }

        return most;
    }
}
