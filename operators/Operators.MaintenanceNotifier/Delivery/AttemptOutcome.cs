namespace Operators.MaintenanceNotifier.Delivery;

/// <summary>The outcome of one attempt, as recorded in status.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="StatusCode">The HTTP status code, when an answer came.</param>
/// <param name="RetryAfter">How long the receiver asked to wait (<c>Retry-After</c>), when it did.</param>
/// <param name="Message">A short explanation; never contains the URL or a secret.</param>
internal sealed record AttemptOutcome(AttemptResult Result, int? StatusCode, TimeSpan? RetryAfter, string Message);
