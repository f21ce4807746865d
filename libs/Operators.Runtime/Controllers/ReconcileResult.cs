namespace Operators.Runtime.Controllers;

/// <summary>
/// What a reconcile asks of the queue. <see cref="Done"/> forgets the key's failures;
/// <see cref="After"/> looks again later (forgetting failures); <see cref="Requeue"/> looks again
/// soon, with the rate limiter's backoff. An exception is a failure: rate-limited requeue,
/// unless it is a <see cref="TerminalReconcileException"/>.
/// </summary>
public readonly record struct ReconcileResult
{
    /// <summary>Nothing more to do until the next change.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Look again soon, with the per-key backoff.</summary>
    public static ReconcileResult Requeue => new() { RequeueWithBackoff = true };

    /// <summary>True when the key goes back to the queue through the rate limiter.</summary>
    public bool RequeueWithBackoff { get; init; }

    /// <summary>When positive, the key is reconciled again after this delay.</summary>
    public TimeSpan RequeueAfter { get; init; }

    /// <summary>Look again after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait; must be positive.</param>
    /// <returns>The result.</returns>
    public static ReconcileResult After(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new ReconcileResult { RequeueAfter = delay };
    }
}
