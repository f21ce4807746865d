using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class EventBehaviorTests
{
    private readonly EventBehavior _core = new(strict: false);
    private readonly EventBehavior _eventsV1 = new(strict: true);

    [Test]
    public void ApplyDefaults_ForCoreEvent_AddsTheFieldsCoreV1AlwaysWrites()
    {
        var ev = TestJson.Parse("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"bb091.d","namespace":"ns"},
             "involvedObject":{"kind":"BuildingBlock","name":"bb091","namespace":"ns"},"reason":"X","type":"Info"}
            """);

        _core.ApplyDefaults(ev);

        JsonNode.DeepEquals(ev, JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"bb091.d","namespace":"ns"},
             "involvedObject":{"kind":"BuildingBlock","name":"bb091","namespace":"ns"},"reason":"X","type":"Info",
             "source":{},"firstTimestamp":null,"lastTimestamp":null,"eventTime":null,"reportingComponent":"","reportingInstance":""}
            """)).Should().BeTrue(ev.ToJsonString());
    }

    [Test]
    public void Validate_CoreEventWithUnusualType_IsAccepted()
    {
        var ev = Defaulted(_core, """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"bb091.d","namespace":"ns"},
             "involvedObject":{"kind":"BuildingBlock","name":"bb091","namespace":"ns"},"reason":"X","type":"Info"}
            """);

        _core.Validate(ev, null).Should().BeEmpty();
    }

    [Test]
    public void Validate_CoreEventForObjectInAnotherNamespace_ReportsInvolvedObjectNamespace()
    {
        var ev = Defaulted(_core, """
            {"metadata":{"name":"e","namespace":"ns"},"involvedObject":{"kind":"Pod","name":"p","namespace":"other"}}
            """);

        var cause = _core.Validate(ev, null).Should().ContainSingle().Subject;

        cause.Field.Should().Be("involvedObject.namespace");
        cause.Message.Should().Be("Invalid value: \"other\": does not match event.namespace");
    }

    [Test]
    public void Validate_CoreEventWithSlashInName_ReportsThePathSegmentRule()
    {
        var ev = Defaulted(_core, """{"metadata":{"name":"a/b","namespace":"ns"},"involvedObject":{"namespace":"ns"}}""");

        _core.Validate(ev, null).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "metadata.name"));
    }

    [Test]
    public void Validate_EventsV1WithoutEventTime_ReportsTheRecordedCauses()
    {
        var ev = EventConversion.ToCore(TestJson.Parse("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"bb091.c","namespace":"ns"},"reason":"X",
             "type":"Normal","action":"A","reportingController":"x/y","reportingInstance":"i",
             "regarding":{"kind":"BuildingBlock","name":"bb091"}}
            """));
        _eventsV1.ApplyDefaults(ev);

        _eventsV1.Validate(ev, null).ReasonsAndFields().Should().BeEquivalentTo(new[]
        {
            ("FieldValueRequired", "eventTime"),
            ("FieldValueInvalid", "involvedObject.namespace"),
        });
    }

    [Test]
    public void Validate_EventsV1FormGivenDirectly_IsConvertedFirst()
    {
        var ev = TestJson.Parse("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"bb091.c","namespace":"ns"},"reason":"X",
             "type":"Normal","action":"A","reportingController":"x/y","reportingInstance":"i",
             "regarding":{"kind":"BuildingBlock","name":"bb091"}}
            """);
        _eventsV1.ApplyDefaults(ev);

        _eventsV1.Validate(ev, null).Select(c => c.Field).Should().BeEquivalentTo("eventTime", "involvedObject.namespace");
        ev["regarding"].Should().NotBeNull();
        ev.ContainsKey("involvedObject").Should().BeFalse();
    }

    [Test]
    public void Validate_RecordedEventsV1Create_IsAccepted()
    {
        var ev = EventConversion.ToCore(TestJson.Parse("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"bb091.b","namespace":"ns"},
             "eventTime":"2024-05-01T10:00:01.000000Z","reportingController":"openstack.operators.dev/building-block",
             "reportingInstance":"building-block-0","action":"Reconcile","reason":"HostConflict",
             "note":"node002 is controlled by someone else","type":"Warning",
             "regarding":{"apiVersion":"conformance.operators.dev/v1alpha1","kind":"BuildingBlock","name":"bb091","namespace":"ns"}}
            """));
        _eventsV1.ApplyDefaults(ev);

        _eventsV1.Validate(ev, null).Should().BeEmpty();
    }

    [Test]
    public void Validate_EventsV1WithDeprecatedFieldsAndBadType_ReportsEach()
    {
        var ev = Defaulted(_eventsV1, """
            {"metadata":{"name":"e","namespace":"ns"},"eventTime":"2024-05-01T10:00:01.000000Z","reportingComponent":"x/y",
             "reportingInstance":"i","action":"A","reason":"R","type":"Info","count":2,"source":{"component":"c"},
             "involvedObject":{"namespace":"ns"},"series":{"count":1}}
            """);

        _eventsV1.Validate(ev, null).ReasonsAndFields().Should().BeEquivalentTo(new[]
        {
            ("FieldValueInvalid", "type"),
            ("FieldValueInvalid", "count"),
            ("FieldValueInvalid", "source"),
            ("FieldValueInvalid", "series.count"),
            ("FieldValueRequired", "series.lastObservedTime"),
        });
    }

    [Test]
    public void Validate_CoreEventWithEventTimeButNoReportingController_RequiresIt()
    {
        var ev = Defaulted(_core, """
            {"metadata":{"name":"e","namespace":"ns"},"eventTime":"2024-05-01T10:00:01.000000Z","reportingInstance":"i",
             "action":"A","reason":"R","involvedObject":{"namespace":"ns"}}
            """);

        _core.Validate(ev, null).ReasonsAndFields().Should().Contain(("FieldValueRequired", "reportingController"));
    }

    [Test]
    public void Validate_EventsV1UpdateChangingNote_ReportsMessageImmutable()
    {
        var old = Defaulted(_eventsV1, """
            {"metadata":{"name":"e","namespace":"ns"},"eventTime":"2024-05-01T10:00:01.000000Z","reportingComponent":"x/y",
             "reportingInstance":"i","action":"A","reason":"R","type":"Normal","message":"one","involvedObject":{"namespace":"ns"}}
            """);
        var updated = old.DeepClone().AsObject();
        updated["message"] = "two";

        _eventsV1.Validate(updated, old).ReasonsAndFields().Should().Equal(("FieldValueInvalid", "message"));
        _core.Validate(updated, old).Should().BeEmpty();
    }

    [Test]
    public void ApplyDefaults_NormalizesEventTimeToMicroseconds()
    {
        var ev = Defaulted(_core, """{"metadata":{"name":"e"},"eventTime":"2024-05-01T10:00:01Z","firstTimestamp":"2024-05-01T10:00:00.75Z"}""");

        ev["eventTime"]!.GetValue<string>().Should().Be("2024-05-01T10:00:01.000000Z");
        ev["firstTimestamp"]!.GetValue<string>().Should().Be("2024-05-01T10:00:00Z");
    }

    private static JsonObject Defaulted(EventBehavior behavior, string json)
    {
        var ev = TestJson.Parse(json);
        behavior.ApplyDefaults(ev);
        return ev;
    }
}
