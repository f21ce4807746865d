using FluentAssertions;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Events;

namespace Operators.Runtime.Tests.Events;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EventAggregatorTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(6);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero));
    private readonly EventAggregator _aggregator = new(Window);

    private EventOccurrence Occurrence(string name = "agent", string reason = "Synced", string ns = "ops") =>
        new(new V1ObjectReference { Kind = "ConfigMap", ApiVersion = "v1", Name = name, NamespaceProperty = ns }, "Normal", reason, "Reconcile", "note", _clock.GetUtcNow());

    [Test]
    public void Record_RepeatsWithinTheWindowOfTheLastOccurrence_JoinOneSeries()
    {
        var first = _aggregator.Record(Occurrence());
        _clock.Advance(Window);
        var second = _aggregator.Record(Occurrence());
        _clock.Advance(Window);
        var third = _aggregator.Record(Occurrence());

        second.Should().BeSameAs(first);
        third.Should().BeSameAs(first);
        first.Count.Should().Be(3);
        first.LastObserved.Should().Be(_clock.GetUtcNow());
    }

    [Test]
    public void Record_AfterTheWindow_StartsANewEventWithANewName()
    {
        var first = _aggregator.Record(Occurrence());
        _clock.Advance(Window + TimeSpan.FromTicks(1));

        var second = _aggregator.Record(Occurrence());

        second.Should().NotBeSameAs(first);
        second.Name.Should().NotBe(first.Name);
        second.Count.Should().Be(1);
    }

    [Test]
    public void Record_AtTheSameInstant_GivesDifferentEventsDifferentNames()
    {
        var a = _aggregator.Record(Occurrence(reason: "A"));
        var b = _aggregator.Record(Occurrence(reason: "B"));

        a.Name.Should().NotBe(b.Name);
    }

    [Test]
    public void Record_ForALongObjectName_KeepsTheEventNameWithin253Characters()
    {
        var entry = _aggregator.Record(Occurrence(name: new string('a', 253)));

        entry.Name.Should().HaveLength(253).And.MatchRegex("^a+\\.[0-9a-f]{16}$");
    }

    [Test]
    public void Record_ForAClusterScopedObject_UsesTheDefaultNamespace() =>
        _aggregator.Record(Occurrence(ns: "")).Namespace.Should().Be("default");

    [Test]
    public void Sweep_ForgetsWrittenSeriesOlderThanTheWindowOnly()
    {
        var old = _aggregator.Record(Occurrence(reason: "Old"));
        old.WrittenCount = old.Count;
        var unwritten = _aggregator.Record(Occurrence(reason: "Unwritten"));
        _clock.Advance(Window + TimeSpan.FromSeconds(1));
        _aggregator.Record(Occurrence(reason: "Fresh"));

        _aggregator.Sweep(_clock.GetUtcNow());

        _aggregator.Count.Should().Be(2);
        _aggregator.Record(Occurrence(reason: "Unwritten")).Should().NotBeSameAs(unwritten, "it is past the window, though still remembered");
    }
}
