using Operators.WorkQueue.RateLimiting;

namespace Operators.WorkQueue.Tests;

/// <summary>A rate limiter that always gives one delay, and records what it was asked.</summary>
internal sealed class FixedRateLimiter<T>(TimeSpan delay) : IRateLimiter<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _requeues = [];

    public List<T> Forgotten { get; } = [];

    public TimeSpan When(T item)
    {
        lock (_requeues)
        {
            _requeues[item] = _requeues.GetValueOrDefault(item) + 1;
        }

        return delay;
    }

    public void Forget(T item)
    {
        lock (_requeues)
        {
            _requeues.Remove(item);
            Forgotten.Add(item);
        }
    }

    public int NumRequeues(T item)
    {
        lock (_requeues)
        {
            return _requeues.GetValueOrDefault(item);
        }
    }
}
