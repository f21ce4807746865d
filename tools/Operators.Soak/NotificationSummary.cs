namespace Operators.Soak;

/// <summary>The notifications of a soak run.</summary>
/// <param name="Transitions">Expected notifications (transitions × notifiers that follow the block).</param>
/// <param name="Delivered">Of those, recorded Delivered.</param>
/// <param name="Skipped">Of those, recorded Skipped (the notifier was suspended).</param>
/// <param name="Requests">Requests the receiver got.</param>
/// <param name="DistinctIds">Distinct ids it accepted.</param>
/// <param name="Resends">Accepted requests with an id accepted before (deduplicated by the receiver).</param>
/// <param name="PerNotifier">Expected notifications per notifier.</param>
/// <param name="Violations">What broke "exactly one logical notification per transition per notifier".</param>
internal sealed record NotificationSummary(
    int Transitions,
    int Delivered,
    int Skipped,
    int Requests,
    int DistinctIds,
    int Resends,
    IReadOnlyDictionary<string, int> PerNotifier,
    IReadOnlyList<string> Violations);
