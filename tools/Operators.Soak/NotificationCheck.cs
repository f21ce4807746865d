using Operators.WebhookReceiver;

namespace Operators.Soak;

/// <summary>
/// Compares what the notifiers should have sent (the <see cref="TransitionLedger"/>) with their status and
/// with what the receiver got: every transition has a finished record at every notifier that follows the
/// block, with the id computed independently; <c>Delivered</c> ones reached the receiver, <c>Skipped</c>
/// ones (suspended) never did; the receiver got no id that is not expected and rejected nothing.
/// A resend of an accepted id (the receiver deduplicates it) is counted, not failed: the API's injected
/// write errors can fail the status write after a POST, which DESIGN.md allows to cause one resend.
/// </summary>
internal static class NotificationCheck
{
    /// <summary>Checks.</summary>
    /// <param name="expected">The expected notifications, with the phases seen.</param>
    /// <param name="recordedIds">The event ids the notifiers' status showed.</param>
    /// <param name="received">What the receiver got.</param>
    /// <returns>The counts and the violations.</returns>
    public static NotificationSummary Check(IReadOnlyList<ExpectedNotification> expected, IReadOnlyDictionary<string, string> recordedIds, IReadOnlyList<ReceivedNotification> received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(recordedIds);
        ArgumentNullException.ThrowIfNull(received);
        var violations = new List<string>();
        var accepted = received.Where(r => r.Accepted).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var e in expected)
        {
            var got = accepted.GetValueOrDefault(e.EventId);
            switch (e.Phase)
            {
                case null:
                    violations.Add($"no finished delivery record for {e}");
                    break;
                case "Failed":
                    violations.Add($"delivery failed for {e}");
                    break;
                case "Delivered" when got == 0:
                    violations.Add($"recorded Delivered but never received: {e}");
                    break;
                case "Skipped" when got > 0:
                    violations.Add($"recorded Skipped but received {got}x: {e}");
                    break;
            }
        }

        var known = expected.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        violations.AddRange(accepted.Keys.Where(id => !known.Contains(id)).Select(id => $"received an unexpected notification id {id}"));
        violations.AddRange(recordedIds.Where(p => !known.Contains(p.Key)).Select(p => $"{p.Value} recorded an event id no transition explains: {p.Key}"));
        violations.AddRange(received.Where(r => !r.Accepted).Select(r => $"the receiver rejected {r.Id} with {r.StatusCode} ({r.Signature})"));
        return new NotificationSummary(
            expected.Count,
            expected.Count(e => e.Phase == "Delivered"),
            expected.Count(e => e.Phase == "Skipped"),
            received.Count,
            accepted.Count,
            accepted.Values.Sum(c => c - 1),
            expected.GroupBy(e => e.Notifier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            violations);
    }
}
