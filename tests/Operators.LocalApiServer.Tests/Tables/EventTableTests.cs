using FluentAssertions;
using NUnit.Framework;

namespace Operators.LocalApiServer.Tests.Tables;

public class EventTableTests
{
    [Test]
    public void Cells_OfACoreEvent_ShowWhenWhatAndWhere()
    {
        var cells = BuiltInTableColumnsTests.Cells("", "events", """
            {
              "involvedObject": {"kind": "Pod", "name": "web-0", "fieldPath": "spec.containers{web}"},
              "reason": "BackOff", "message": "  Back-off restarting failed container\n", "type": "Warning",
              "source": {"component": "kubelet", "host": "node-1"},
              "firstTimestamp": "2025-01-02T02:04:05Z", "lastTimestamp": "2025-01-02T03:02:05Z", "count": 7
            }
            """);

        cells.Should().Be("""["2m","Warning","BackOff","pod/web-0","spec.containers{web}","kubelet, node-1","Back-off restarting failed container","60m",7,"demo"]""");
    }

    [Test]
    public void Cells_OfAnEventsV1EventWithASeries_UseTheSeriesAndTheReportingController()
    {
        var cells = BuiltInTableColumnsTests.Cells("events.k8s.io", "events", """
            {
              "apiVersion": "events.k8s.io/v1",
              "regarding": {"kind": "Deployment", "name": "api"},
              "reason": "ScalingReplicaSet", "note": "Scaled up", "type": "Normal",
              "eventTime": "2025-01-02T03:00:00.000000Z",
              "reportingController": "deployment-controller", "reportingInstance": "cm-1",
              "series": {"count": 4, "lastObservedTime": "2025-01-02T03:04:00.000000Z"}
            }
            """);

        cells.Should().Be("""["5s","Normal","ScalingReplicaSet","deployment/api","","deployment-controller, cm-1","Scaled up","4m5s",4,"demo"]""");
    }

    [Test]
    public void Cells_OfASingletonEventWithOnlyAnEventTime_CountOnceAndShowTheEventTime()
    {
        var cells = BuiltInTableColumnsTests.Cells("", "events", """
            {"involvedObject": {"kind": "Node"}, "reason": "Starting", "type": "Normal", "eventTime": "2025-01-02T03:04:00.000000Z", "reportingComponent": "kubelet"}
            """);

        cells.Should().Be("""["5s","Normal","Starting","node","","kubelet","","5s",1,"demo"]""");
    }

    [Test]
    public void Cells_OfAnEventsV1EventWithDeprecatedFields_ReadThem()
    {
        var cells = BuiltInTableColumnsTests.Cells("events.k8s.io", "events", """
            {
              "regarding": {"kind": "Pod", "name": "web-1"}, "reason": "Pulled", "note": "pulled", "type": "Normal",
              "deprecatedSource": {"component": "kubelet"}, "deprecatedCount": 2,
              "deprecatedFirstTimestamp": "2025-01-02T03:00:05Z", "deprecatedLastTimestamp": "2025-01-02T03:03:05Z"
            }
            """);

        cells.Should().Be("""["60s","Normal","Pulled","pod/web-1","","kubelet","pulled","4m",2,"demo"]""");
    }

    [Test]
    public void Cells_OfAnEventWithoutTimes_AreUnknown()
    {
        BuiltInTableColumnsTests.Cells("", "events", """{"reason": "X"}""")
            .Should().Be("""["<unknown>","","X","","","","","<unknown>",1,"demo"]""");
    }
}
