using FluentAssertions;
using Operators.WebhookReceiver;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>
/// What one case expects the receiver to get: for every transition and every subscription that matches its
/// block, one request with the transition's id. Checks exactly-once (a resend of the same id is allowed only
/// where the case says a crash may fall between send and record, and is reported), nothing unexpected, and
/// the order per block (Entered before the Left of the same cycle).
/// </summary>
internal sealed class NotificationLedger(IReadOnlyList<(string Name, string Uid)> notifiers)
{
    private readonly List<Transition> _transitions = [];

    /// <summary>Gets the transitions recorded so far, oldest first.</summary>
    public IReadOnlyList<Transition> Transitions => _transitions;

    /// <summary>Records a transition.</summary>
    public void Add(Transition transition) => _transitions.Add(transition);

    /// <summary>Every (transition, notifier, id) the receiver must get.</summary>
    public IReadOnlyList<(Transition Transition, string Notifier, string Id)> Expected =>
        [.. _transitions.SelectMany(t => notifiers.Select(n => (t, n.Name, t.IdFor(n.Uid))))];

    /// <summary>Whether every expected id has arrived and been accepted.</summary>
    public bool AllArrived(IReadOnlyList<ReceivedNotification> received)
    {
        var accepted = received.Where(n => n.Accepted).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return Expected.All(e => accepted.Contains(e.Id));
    }

    /// <summary>
    /// Asserts exactly one logical notification per transition per subscription, in order per block; returns
    /// the number of resends (same id again), which must be 0 unless <paramref name="resendsAllowed"/>.
    /// </summary>
    public int AssertExactlyOnce(IReadOnlyList<ReceivedNotification> received, bool resendsAllowed)
    {
        var expected = Expected;
        var ids = expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        received.Select(n => n.Id).Where(id => !ids.Contains(id)).Should().BeEmpty("every notification belongs to a transition of this case (nothing sent for a transition that did not happen)");
        received.Should().OnlyContain(n => n.Accepted, "the receiver accepts every well-signed request");
        foreach (var (transition, notifier, id) in expected)
        {
            received.Count(n => n.Id == id).Should().BeGreaterThan(0, $"{notifier} sent {transition.Event} of {transition.Block} at {transition.Time:O} ({id})");
        }

        var resends = received.Count - received.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count();
        if (!resendsAllowed)
        {
            resends.Should().Be(0, "no resend without a crash between send and record");
        }

        foreach (var block in _transitions.GroupBy(t => t.Block))
        {
            foreach (var (name, uid) in notifiers)
            {
                var order = block.OrderBy(t => t.Time).Select(t => t.IdFor(uid)).ToList();
                var firstArrivals = received.Select(n => n.Id).Distinct(StringComparer.Ordinal).Where(order.Contains).ToList();
                firstArrivals.Should().Equal(order, $"{name} delivers the transitions of {block.Key} in order");
            }
        }

        return resends;
    }
}
