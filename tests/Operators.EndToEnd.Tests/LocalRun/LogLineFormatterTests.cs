using FluentAssertions;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class LogLineFormatterTests
{
    [TestCase(
        "2026-11-26T01:18:48.123Z info: Operators.BuildingBlock.BuildingBlockReconciler[2001] Created NovaAgent node001-bb091",
        "01:18:48 BuildingBlockReconciler: Created NovaAgent node001-bb091")]
    [TestCase(
        "2026-11-26T01:03:55.314Z warn: Operators.Runtime.Cache.SharedInformer`1[1201] Listing novaagents failed; retrying in 00:00:01 Operators.Runtime.Client.KubernetesApiException: The API server answered 404    at Operators.Runtime.Client.KubeApiClient.SendAsync() in /x.cs:line 113    at Other()",
        "01:03:55 WARN SharedInformer: Listing novaagents failed; retrying in 00:00:01 (KubernetesApiException: The API server answered 404)")]
    [TestCase(
        "2026-11-26T01:03:55.314Z fail: Operators.Runtime.Controllers.Controller[1002] => System.Collections.Generic.Dictionary`2[System.String,System.Object] Reconcile failed",
        "01:03:55 ERROR Controller: Reconcile failed")]
    [TestCase(
        "2026-11-26T01:03:55.314Z info: Operators.Runtime.Controllers.Controller[1000] => SpanId:1a2b, TraceId:3c4d, ParentId:0000 Starting 1 workers",
        "01:03:55 Controller: Starting 1 workers")]
    [TestCase(
        "2026-11-26T01:45:12.001Z info: Operators.BuildingBlock.BuildingBlockReconciler[4000] => buildingblock openstack/bb091 #6d315612 Created NovaAgent node001-bb091",
        "01:45:12 BuildingBlockReconciler openstack/bb091: Created NovaAgent node001-bb091")]
    [TestCase(
        "2026-11-26T01:45:12.001Z fail: Operators.Runtime.Controllers.Controller[1002] => buildingblock openstack/bb091 #6d31 Reconcile failed",
        "01:45:12 ERROR Controller openstack/bb091: Reconcile failed")]
    [TestCase("Local Kubernetes API server listening on http://127.0.0.1:6443/", "Local Kubernetes API server listening on http://127.0.0.1:6443/")]
    public void Format_ShortensTextLogLines(string raw, string expected)
    {
        LogLineFormatter.Format(raw).Should().Be(expected);
    }

    [TestCase("2026-11-26T01:03:46.543Z info: Microsoft.Hosting.Lifetime[0] Hosting environment: Production")]
    [TestCase("2026-11-26T01:03:46.543Z info: Microsoft.Hosting.Lifetime[0] Content root path: /work/main")]
    [TestCase("2026-11-26T01:03:46.531Z info: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.")]
    [TestCase("   at Operators.Runtime.Cache.Reflector`1.RunAsync(CancellationToken cancellationToken) in /x.cs:line 79")]
    [TestCase("")]
    public void Format_DropsBoilerplateAndStackFrames(string raw)
    {
        LogLineFormatter.Format(raw).Should().BeNull();
    }

    [Test]
    public void Format_OfAVeryLongLine_CutsItWithAnEllipsis()
    {
        var line = LogLineFormatter.Format(new string('x', 500));

        line.Should().HaveLength(LogLineFormatter.MaxLength).And.EndWith("…");
    }

    [TestCase("Operators.Runtime.Cache.SharedInformer`1", "SharedInformer")]
    [TestCase("Microsoft.Hosting.Lifetime", "Lifetime")]
    [TestCase("Plain", "Plain")]
    public void ShortCategory_IsTheLastSegmentWithoutArity(string category, string expected)
    {
        LogLineFormatter.ShortCategory(category).Should().Be(expected);
    }
}
