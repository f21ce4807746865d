using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class EventConversionTests
{
    private const string Metadata = """{"name":"bb091.a","namespace":"ns","uid":"u1","resourceVersion":"7","creationTimestamp":"2024-05-01T10:00:00Z"}""";

    // The stored form of the recorded core/v1 create (events-core-and-v1, step core-create).
    private static readonly string CoreEvent = """
        {"kind":"Event","apiVersion":"v1","metadata":METADATA,
         "involvedObject":{"kind":"BuildingBlock","namespace":"ns","name":"bb091","apiVersion":"conformance.operators.dev/v1alpha1"},
         "reason":"AgentCreated","message":"created NovaAgent node001-bb091","source":{"component":"building-block"},
         "firstTimestamp":"2024-05-01T10:00:00Z","lastTimestamp":"2024-05-01T10:00:00Z","count":1,"type":"Normal",
         "eventTime":null,"reportingComponent":"","reportingInstance":""}
        """.Replace("METADATA", Metadata, StringComparison.Ordinal);

    // The recorded events.k8s.io/v1 create (step v1-create).
    private static readonly string EventsV1Event = """
        {"kind":"Event","apiVersion":"events.k8s.io/v1","metadata":METADATA,
         "eventTime":"2024-05-01T10:00:01.000000Z","reportingController":"openstack.operators.dev/building-block",
         "reportingInstance":"building-block-0","action":"Reconcile","reason":"HostConflict",
         "regarding":{"kind":"BuildingBlock","namespace":"ns","name":"bb091","apiVersion":"conformance.operators.dev/v1alpha1"},
         "note":"node002 is controlled by someone else","type":"Warning"}
        """.Replace("METADATA", Metadata, StringComparison.Ordinal);

    [Test]
    public void ToEventsV1_ForRecordedCoreEvent_GivesTheRecordedEventsV1Body()
    {
        var converted = EventConversion.ToEventsV1(TestJson.Parse(CoreEvent));

        var expected = JsonNode.Parse("""
            {"kind":"Event","apiVersion":"events.k8s.io/v1","metadata":METADATA,"eventTime":null,"reason":"AgentCreated",
             "regarding":{"kind":"BuildingBlock","namespace":"ns","name":"bb091","apiVersion":"conformance.operators.dev/v1alpha1"},
             "note":"created NovaAgent node001-bb091","type":"Normal","deprecatedSource":{"component":"building-block"},
             "deprecatedFirstTimestamp":"2024-05-01T10:00:00Z","deprecatedLastTimestamp":"2024-05-01T10:00:00Z","deprecatedCount":1}
            """.Replace("METADATA", Metadata, StringComparison.Ordinal));
        JsonNode.DeepEquals(converted, expected).Should().BeTrue(converted.ToJsonString());
    }

    [Test]
    public void ToCore_ForRecordedEventsV1Event_GivesTheRecordedCoreBody()
    {
        var converted = EventConversion.ToCore(TestJson.Parse(EventsV1Event));

        var expected = JsonNode.Parse("""
            {"kind":"Event","apiVersion":"v1","metadata":METADATA,
             "involvedObject":{"kind":"BuildingBlock","namespace":"ns","name":"bb091","apiVersion":"conformance.operators.dev/v1alpha1"},
             "reason":"HostConflict","message":"node002 is controlled by someone else","source":{},"firstTimestamp":null,
             "lastTimestamp":null,"type":"Warning","eventTime":"2024-05-01T10:00:01.000000Z","action":"Reconcile",
             "reportingComponent":"openstack.operators.dev/building-block","reportingInstance":"building-block-0"}
            """.Replace("METADATA", Metadata, StringComparison.Ordinal));
        JsonNode.DeepEquals(converted, expected).Should().BeTrue(converted.ToJsonString());
    }

    [Test]
    public void ToEventsV1_OfCoreFormOfEventsV1Event_GivesTheRecordedResponse()
    {
        var roundTripped = EventConversion.ToEventsV1(EventConversion.ToCore(TestJson.Parse(EventsV1Event)));

        var expected = TestJson.Parse(EventsV1Event);
        expected["deprecatedSource"] = new JsonObject();
        expected["deprecatedFirstTimestamp"] = null;
        expected["deprecatedLastTimestamp"] = null;
        JsonNode.DeepEquals(roundTripped, expected).Should().BeTrue(roundTripped.ToJsonString());
    }

    [Test]
    public void Conversions_CarrySeriesAndRelatedBothWays()
    {
        var core = TestJson.Parse("""
            {"kind":"Event","apiVersion":"v1","metadata":{"name":"e"},"series":{"count":3,"lastObservedTime":"2024-05-01T10:00:02.000000Z"},
             "related":{"kind":"Pod","name":"p"}}
            """);

        var v1 = EventConversion.ToEventsV1(core);
        var back = EventConversion.ToCore(v1);

        v1["series"]!.ToJsonString().Should().Be(core["series"]!.ToJsonString());
        back["related"]!.ToJsonString().Should().Be("""{"kind":"Pod","name":"p"}""");
    }

    [Test]
    public void ToEventsV1_DoesNotShareNodesWithTheSource()
    {
        var core = TestJson.Parse(CoreEvent);

        var v1 = EventConversion.ToEventsV1(core);
        v1["metadata"]!["name"] = "changed";

        core.At("metadata.name")!.GetValue<string>().Should().Be("bb091.a");
    }

    [TestCase("""{"apiVersion":"events.k8s.io/v1"}""", true)]
    [TestCase("""{"apiVersion":"v1"}""", false)]
    public void IsEventsV1_ChecksTheApiVersion(string json, bool expected)
    {
        EventConversion.IsEventsV1(TestJson.Parse(json)).Should().Be(expected);
    }
}
