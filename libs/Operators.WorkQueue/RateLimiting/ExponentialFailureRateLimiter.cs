namespace Operators.WorkQueue.RateLimiting;

/// <summary>
/// Per-item exponential backoff: after an item's n-th failure (n from 0) it waits
/// <c>BaseDelay · 2^n</c>, at most <c>MaxDelay</c>; by default 5 ms, 10 ms, 20 ms … 1000 s.
/// <see cref="Forget"/> starts an item over. Thread-safe.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ExponentialFailureRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<T, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    /// <summary>Initializes a new instance of the <see cref="ExponentialFailureRateLimiter{T}"/> class.</summary>
    /// <param name="options">The delays; the defaults when <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public ExponentialFailureRateLimiter(ExponentialFailureRateLimiterOptions? options = null)
    {
        options = OptionsGuard.Validated(options ?? new(), new ExponentialFailureRateLimiterOptionsValidator());
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
    }

    /// <inheritdoc />
    public TimeSpan When(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        int failures;
        lock (_lock)
        {
            _failures.TryGetValue(item, out failures);
            _failures[item] = failures == int.MaxValue ? failures : failures + 1;
        }

        var ticks = _baseDelay.Ticks * Math.Pow(2, failures);
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    public void Forget(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            _failures.Remove(item);
        }
    }

    /// <inheritdoc />
    public int NumRequeues(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            return _failures.GetValueOrDefault(item);
        }
    }
}
