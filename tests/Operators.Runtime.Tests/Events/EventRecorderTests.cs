using System.Diagnostics;
using System.Net;
using FluentAssertions;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Operators.Runtime.Events;
using Operators.Runtime.Tests.LeaderElection;
using Prometheus;

namespace Operators.Runtime.Tests.Events;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EventRecorderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero));
    private readonly FakeEventSink _sink = new();

    private static V1ConfigMap Object(string name = "agent-config") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ops", Uid = "uid-" + name } };

    [Test]
    public async Task Event_WritesAnEventsV1EventWithTheReportingFields()
    {
        await using var recorder = Recorder();

        recorder.Event(Object(), EventType.Warning, "InvalidSpec", "spec.hosts[0].name is empty", "Validate");

        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the event is created");
        var written = _sink.Created.Single();
        written.Metadata.NamespaceProperty.Should().Be("ops");
        written.Metadata.Name.Should().StartWith("agent-config.");
        written.Regarding.Should().BeEquivalentTo(new V1ObjectReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "agent-config", NamespaceProperty = "ops", Uid = "uid-agent-config" });
        (written.Type, written.Reason, written.Action, written.Note).Should().Be(("Warning", "InvalidSpec", "Validate", "spec.hosts[0].name is empty"));
        (written.ReportingController, written.ReportingInstance).Should().Be(("openstack.operators.dev/test", "test-instance"));
        written.EventTime.Should().Be(_clock.GetUtcNow().UtcDateTime);
        written.Series.Should().BeNull();
    }

    [Test]
    public async Task Events_OfDifferentObjects_AreWrittenSideBySide()
    {
        await using var recorder = Recorder();
        _sink.Hold();
        recorder.Event(Object("agent-0"), EventType.Normal, "AgentCreated", "created");
        await Eventually.Until(() => _sink.Entered == 1, Wait, "the first write is in flight");

        foreach (var i in Enumerable.Range(1, 9))
        {
            recorder.Event(Object("agent-" + i), EventType.Normal, "AgentCreated", "created");
        }

        _sink.ReleaseWaitingOnly();
        await Eventually.Until(() => _sink.Entered == 1 + EventRecorderOptions.DefaultMaxConcurrentWrites, Wait, "the queued Events are written as many at a time as allowed");
        _sink.Release();
        await Eventually.Until(() => _sink.Created.Count == 10, Wait, "every event is created");
        _sink.Created.Select(e => e.Regarding.Name).Should().BeEquivalentTo(Enumerable.Range(0, 10).Select(i => "agent-" + i));
    }

    [Test]
    public async Task Event_RepeatedWithinTheWindow_UpdatesOneEventsSeries()
    {
        await using var recorder = Recorder();

        foreach (var _ in Enumerable.Range(0, 5))
        {
            recorder.Event(Object(), EventType.Normal, "Synced", "3/4 agents ready");
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        await Eventually.Until(() => WrittenCount() == 5, Wait, "the series reaches 5");
        _sink.Created.Should().ContainSingle();
        _sink.Patched.Where(p => p.Name != _sink.Created.Single().Metadata.Name).Should().BeEmpty();
        var lastObserved = _sink.Patched.IsEmpty ? _sink.Created.Single().Series!.LastObservedTime : _sink.Patched.Last().LastObserved;
        lastObserved.Should().Be(_clock.GetUtcNow().AddSeconds(-10).UtcDateTime);
    }

    [TestCase("Synced", "3/4 agents ready", "Failed", "3/4 agents ready", TestName = "Event_WithADifferentReason_CreatesAnotherEvent")]
    [TestCase("Synced", "3/4 agents ready", "Synced", "4/4 agents ready", TestName = "Event_WithADifferentMessage_CreatesAnotherEvent")]
    public async Task Event_ThatDiffers_CreatesAnotherEvent(string reason1, string message1, string reason2, string message2)
    {
        await using var recorder = Recorder();

        recorder.Event(Object(), EventType.Normal, reason1, message1);
        recorder.Event(Object(), EventType.Normal, reason2, message2);

        await Eventually.Until(() => _sink.Created.Count == 2, Wait, "two events are created");
        _sink.Patched.Should().BeEmpty();
        _sink.Created.Select(e => e.Metadata.Name).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Event_RepeatedAfterTheWindow_StartsANewEvent()
    {
        await using var recorder = Recorder();
        recorder.Event(Object(), EventType.Normal, "Synced", "ok");
        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the first event is created");

        _clock.Advance(TimeSpan.FromMinutes(7));
        recorder.Event(Object(), EventType.Normal, "Synced", "ok");

        await Eventually.Until(() => _sink.Created.Count == 2, Wait, "a second event is created");
        _sink.Patched.Should().BeEmpty();
    }

    [Test]
    public async Task Event_WhenTheQueueIsFull_DropsAndCountsWithoutBlocking()
    {
        var registry = Metrics.NewCustomRegistry();
        await using var recorder = Recorder(o => o.QueueCapacity = 2, registry);
        _sink.Hold();
        recorder.Event(Object("first"), EventType.Normal, "Synced", "in flight");
        await Eventually.Until(() => _sink.Entered == 1, Wait, "the writer is busy with the first event");

        var watch = Stopwatch.StartNew();
        foreach (var i in Enumerable.Range(0, 10))
        {
            recorder.Event(Object("o" + i), EventType.Normal, "Synced", "queued or dropped");
        }

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        recorder.DroppedCount.Should().Be(8);
        (await MetricValueAsync(registry)).Should().Be(8);
        _sink.Release();
        await Eventually.Until(() => _sink.Created.Count == 3, Wait, "the queued events are written");
    }

    [Test]
    public async Task Event_WithAMessageOverOneKilobyte_IsCutToOneKilobyteOfUtf8()
    {
        await using var recorder = Recorder();

        recorder.Event(Object(), EventType.Normal, "Long", new string('é', 600));

        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the event is created");
        var note = _sink.Created.Single().Note;
        System.Text.Encoding.UTF8.GetByteCount(note).Should().Be(1024);
        note.Should().Be(new string('é', 512));
    }

    [Test]
    public async Task Event_WhenTheServerFailsTransiently_RetriesTheWrite()
    {
        await using var recorder = Recorder(o => o.RetryDelay = TimeSpan.Zero);
        _sink.Failures.Enqueue(Http(HttpStatusCode.ServiceUnavailable));

        recorder.Event(Object(), EventType.Normal, "Synced", "ok");

        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the event is created on the second attempt");
        _sink.Entered.Should().Be(2);
    }

    [Test]
    public async Task Event_WhoseSeriesEventVanished_IsCreatedAgainWithTheSeries()
    {
        await using var recorder = Recorder();
        recorder.Event(Object(), EventType.Normal, "Synced", "ok");
        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the event is created");
        _sink.Failures.Enqueue(Http(HttpStatusCode.NotFound));

        recorder.Event(Object(), EventType.Normal, "Synced", "ok");

        await Eventually.Until(() => _sink.Created.Count == 2, Wait, "the event is created again");
        _sink.Created.Last().Series!.Count.Should().Be(2);
    }

    [Test]
    public async Task Event_WhenTheServerRejectsIt_GivesUpAndKeepsWriting()
    {
        await using var recorder = Recorder();
        _sink.Failures.Enqueue(Http(HttpStatusCode.UnprocessableEntity));

        recorder.Event(Object(), EventType.Normal, "Rejected", "x");
        recorder.Event(Object(), EventType.Normal, "Accepted", "y");

        await Eventually.Until(() => _sink.Created.Count == 1, Wait, "the next event is created");
        _sink.Created.Single().Reason.Should().Be("Accepted");
        _sink.Entered.Should().Be(2, "a rejected event is not retried");
    }

    [TestCase("Info", "Synced", TestName = "Event_WithATypeOtherThanNormalOrWarning_Throws")]
    [TestCase("Normal", "", TestName = "Event_WithAnEmptyReason_Throws")]
    public async Task Event_WithInvalidArguments_Throws(string type, string reason)
    {
        await using var recorder = Recorder();

        var record = () => recorder.Event(Object(), type, reason, "m");

        record.Should().Throw<ArgumentException>();
    }

    [TestCase("", TestName = "Constructor_WithoutReportingController_Throws")]
    [TestCase("not a name", TestName = "Constructor_WithAnInvalidReportingController_Throws")]
    public void Constructor_WithInvalidOptions_Throws(string controller)
    {
        var build = () => new EventRecorder(_sink, new EventRecorderOptions { ReportingController = controller }, null, _clock, Metrics.NewCustomRegistry());

        build.Should().Throw<OptionsValidationException>().WithMessage("*ReportingController*");
    }

    [Test]
    public void ResolveReportingInstance_DefaultsToControllerNameAndHost()
    {
        var options = new EventRecorderOptions { ReportingController = "openstack.operators.dev/nova-agent" };

        options.ResolveReportingInstance().Should().Be("nova-agent-" + Environment.MachineName);
    }

    // The count the server has: the last series patch, else the created Event's series (repeats queued together are folded).
    private int WrittenCount() =>
        !_sink.Patched.IsEmpty ? _sink.Patched.Last().Count : _sink.Created.LastOrDefault() is { } created ? created.Series?.Count ?? 1 : 0;

    private static HttpOperationException Http(HttpStatusCode code) =>
        new() { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), string.Empty) };

    private static async Task<double> MetricValueAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var prefix = EventRecorder.DroppedMetricName + "{controller=\"openstack.operators.dev/test\"} ";
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private EventRecorder Recorder(Action<EventRecorderOptions>? change = null, CollectorRegistry? registry = null)
    {
        var options = new EventRecorderOptions { ReportingController = "openstack.operators.dev/test", ReportingInstance = "test-instance" };
        change?.Invoke(options);
        return new EventRecorder(_sink, options, null, _clock, registry ?? Metrics.NewCustomRegistry());
    }
}
