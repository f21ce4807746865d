namespace Operators.Soak;

/// <summary>One sample of the running system.</summary>
/// <param name="Elapsed">Time since the changes started.</param>
/// <param name="RssMiB">Resident memory per process name (null: not readable).</param>
/// <param name="Reconciles">Total reconciles per operator (<c>controller_runtime_reconcile_total</c>; null: not scraped).</param>
/// <param name="Writes">API writes so far (<c>/_local/counters</c>; null: not readable, e.g. while restarting).</param>
/// <param name="Notifications">Requests the webhook receiver got so far.</param>
internal sealed record Sample(
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, double?> RssMiB,
    IReadOnlyDictionary<string, double?> Reconciles,
    long? Writes,
    int Notifications);
