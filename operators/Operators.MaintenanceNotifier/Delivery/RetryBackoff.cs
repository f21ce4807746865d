using Operators.Api.MaintenanceNotifiers;

namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>
/// The wait before the next attempt: exponential (<c>initial × 2^(failures−1)</c>, capped at <c>max</c>),
/// with ±25 % jitter, then clamped to <c>[initial, max]</c>. A receiver's <c>Retry-After</c> is a lower
/// bound on top of that (<see cref="NextAttempt"/>).
/// </summary>
internal static class RetryBackoff
{
    /// <summary>The share of the delay the jitter may add or remove.</summary>
    public const double Jitter = 0.25;

    /// <summary>The backoff after <paramref name="failedAttempts"/> failed attempts.</summary>
    /// <param name="failedAttempts">Attempts made so far, all failed (at least 1).</param>
    /// <param name="retry">The subscription's retry settings (defaults when null or unset).</param>
    /// <param name="random">A number in [0, 1) that picks the jitter.</param>
    /// <returns>A delay between the initial and the maximum backoff.</returns>
    public static TimeSpan Delay(int failedAttempts, RetrySpec? retry, double random)
    {
        var initial = (double)(retry?.InitialBackoffSeconds ?? RetrySpec.DefaultInitialBackoffSeconds);
        var max = Math.Max(initial, retry?.MaxBackoffSeconds ?? RetrySpec.DefaultMaxBackoffSeconds);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var nominal = Math.Min(max, initial * Math.Pow(2, exponent));
        var jittered = nominal * (1 - Jitter + (2 * Jitter * Math.Clamp(random, 0, 1)));
        return TimeSpan.FromSeconds(Math.Clamp(jittered, initial, max));
    }

    /// <summary>
    /// When the next attempt is due: <paramref name="now"/> plus the larger of the backoff and
    /// <paramref name="retryAfter"/>, rounded up to the whole second (status times have whole seconds, so
    /// the attempt is never earlier than either).
    /// </summary>
    /// <param name="now">When the failed attempt ended.</param>
    /// <param name="backoff">The backoff (<see cref="Delay"/>).</param>
    /// <param name="retryAfter">The receiver's <c>Retry-After</c>, if any.</param>
    /// <returns>The due time, UTC, whole seconds.</returns>
    public static DateTime NextAttempt(DateTimeOffset now, TimeSpan backoff, TimeSpan? retryAfter)
    {
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return Transitions.Rfc3339.CeilingToSeconds(now + wait);
    }
}
