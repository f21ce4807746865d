using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class BuiltInTableColumnsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [TestCase("", "namespaces", "Name|Status|Age")]
    [TestCase("", "configmaps", "Name|Data|Age")]
    [TestCase("", "secrets", "Name|Type|Data|Age")]
    [TestCase("", "services", "Name|Type|Cluster-IP|External-IP|Port(s)|Age|Selector")]
    [TestCase("", "events", "Last Seen|Type|Reason|Object|Subobject|Source|Message|First Seen|Count|Name")]
    [TestCase("events.k8s.io", "events", "Last Seen|Type|Reason|Object|Subobject|Source|Message|First Seen|Count|Name")]
    [TestCase("apps", "deployments", "Name|Ready|Up-to-date|Available|Age|Containers|Images|Selector")]
    [TestCase("coordination.k8s.io", "leases", "Name|Holder|Age")]
    [TestCase("apiextensions.k8s.io", "customresourcedefinitions", "Name|Created At")]
    public void TryGet_OfAServedBuiltIn_HasKubeApiserversColumns(string group, string resource, string columns)
    {
        BuiltInTableColumns.TryGet(group, resource, out var table).Should().BeTrue();

        string.Join("|", table!.Columns.Select(c => c.Name)).Should().Be(columns);
    }

    [TestCase("", "pods")]
    [TestCase("apps", "configmaps")]
    [TestCase("conformance.operators.dev", "bbtables")]
    public void TryGet_OfAnotherResource_ReturnsFalse(string group, string resource)
    {
        BuiltInTableColumns.TryGet(group, resource, out var table).Should().BeFalse();

        table.Should().BeNull();
    }

    [TestCase("", "services", "Selector")]
    [TestCase("apps", "deployments", "Containers|Images|Selector")]
    [TestCase("", "events", "Subobject|Source|First Seen|Count|Name")]
    [TestCase("", "configmaps", "")]
    public void TryGet_MarksTheWideColumnsWithPriorityOne(string group, string resource, string wideColumns)
    {
        BuiltInTableColumns.TryGet(group, resource, out var table).Should().BeTrue();

        string.Join("|", table!.Columns.Where(c => c.Priority == 1).Select(c => c.Name)).Should().Be(wideColumns);
    }

    [Test]
    public void TryGet_OfEvents_MarksOnlyTheNameColumnAsName()
    {
        BuiltInTableColumns.TryGet("", "events", out var table).Should().BeTrue();

        table!.Columns.Where(c => c.Format == "name").Select(c => c.Name).Should().Equal("Name");
    }

    [TestCase("""{"data": {"a": "1", "b": "2"}, "binaryData": {"c": "AA=="}}""", 3)]
    [TestCase("""{"data": {"a": "1"}}""", 1)]
    [TestCase("""{}""", 0)]
    public void ConfigMapCells_CountDataAndBinaryData(string fields, long expected)
    {
        Cells("", "configmaps", fields).Should().Be($"""["demo",{expected},"5m"]""");
    }

    [Test]
    public void SecretCells_ShowTheTypeAndTheNumberOfDataEntries()
    {
        Cells("", "secrets", """{"type": "kubernetes.io/tls", "data": {"tls.crt": "eA==", "tls.key": "eQ=="}}""")
            .Should().Be("""["demo","kubernetes.io/tls",2,"5m"]""");
    }

    [TestCase("""{"status": {"phase": "Active"}}""", "Active")]
    [TestCase("""{"status": {"phase": "Terminating"}}""", "Terminating")]
    [TestCase("""{}""", "")]
    public void NamespaceCells_ShowThePhase(string fields, string phase)
    {
        Cells("", "namespaces", fields).Should().Be($"""["demo","{phase}","5m"]""");
    }

    [TestCase("""{"spec": {"holderIdentity": "operator-7d9f"}}""", "operator-7d9f")]
    [TestCase("""{"spec": {"holderIdentity": null}}""", "")]
    [TestCase("""{"spec": {}}""", "")]
    public void LeaseCells_ShowTheHolder(string fields, string holder)
    {
        Cells("coordination.k8s.io", "leases", fields).Should().Be($"""["demo","{holder}","5m"]""");
    }

    [Test]
    public void CustomResourceDefinitionCells_ShowTheCreationTimeInRfc3339()
    {
        Cells("apiextensions.k8s.io", "customresourcedefinitions", "{}").Should().Be("""["demo","2025-01-02T02:59:05Z"]""");
    }

    [Test]
    public void AgeCell_WithoutCreationTimestamp_IsUnknown()
    {
        BuiltInTableColumns.TryGet("", "configmaps", out var table).Should().BeTrue();

        var cells = table!.CellsOf(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "x" } }, Now);

        TableTestJson.Text(cells).Should().Be("""["x",0,"<unknown>"]""");
    }

    /// <summary>The cells of an object named demo, created five minutes ago, with extra top-level fields.</summary>
    internal static string Cells(string group, string resource, string fields, DateTimeOffset? now = null)
    {
        BuiltInTableColumns.TryGet(group, resource, out var table).Should().BeTrue();
        var obj = JsonNode.Parse(fields)!.AsObject();
        obj["metadata"] = new JsonObject { ["name"] = "demo", ["creationTimestamp"] = "2025-01-02T02:59:05Z" };
        return TableTestJson.Text(table!.CellsOf(obj, now ?? Now));
    }
}
