using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class CustomResourceTableTests
{
    private static readonly DateTimeOffset Now = ConformanceFixtures.Now;

    [Test]
    public void For_PrinterColumns_PutsNameFirstThenTheColumnsAsDeclared()
    {
        var table = CustomResourceTable.For(ConformanceFixtures.PrinterColumns());

        table.Columns.Select(c => (c.Name, c.Type, c.Format, c.Priority)).Should().Equal(
            ("Name", "string", "name", 0),
            ("Zone", "string", "", 0),
            ("Desired", "integer", "", 0),
            ("Ready Agents", "integer", "", 0),
            ("Maintenance", "string", "", 0),
            ("Ready", "string", "", 0),
            ("Age", "date", "", 0),
            ("Reason", "string", "", 1));
    }

    [Test]
    public void CellsOf_AnObjectWithStatus_FollowsTheJsonPaths()
    {
        var table = CustomResourceTable.For(ConformanceFixtures.PrinterColumns());

        var cells = table.CellsOf(ConformanceFixtures.InMaintenance(), Now);

        TableTestJson.Text(cells).Should().Be("""["bb091","qa-de-1a",1,0,"CHG0123456 BIOS update","False","5m","InMaintenance"]""");
    }

    [Test]
    public void CellsOf_AnObjectMissingTheFields_HasNullCells()
    {
        var table = CustomResourceTable.For(ConformanceFixtures.PrinterColumns());

        var cells = table.CellsOf(ConformanceFixtures.WithoutStatus(), Now);

        TableTestJson.Text(cells).Should().Be("""["bb092","qa-de-1b",null,null,null,null,"3h",null]""");
    }

    [TestCase(null)]
    [TestCase("[]")]
    public void For_NoPrinterColumns_ShowsNameAndAnAgeDateColumn(string? printerColumns)
    {
        var table = CustomResourceTable.For(printerColumns is null ? null : JsonNode.Parse(printerColumns)!.AsArray());

        table.Columns.Select(c => (c.Name, c.Type, c.JsonPath)).Should().Equal(
            ("Name", "string", null),
            ("Age", "date", ".metadata.creationTimestamp"));
        TableTestJson.Text(table.CellsOf(ConformanceFixtures.InMaintenance(), Now)).Should().Be("""["bb091","5m"]""");
    }

    [Test]
    public void For_AColumnWhoseJsonPathDoesNotParse_KeepsOnlyTheColumnsBeforeIt()
    {
        var table = CustomResourceTable.For(JsonNode.Parse("""
            [
              {"name": "Zone", "type": "string", "jsonPath": ".spec.availabilityZone"},
              {"name": "Broken", "type": "string", "jsonPath": ".spec["},
              {"name": "Later", "type": "string", "jsonPath": ".spec.later"}
            ]
            """)!.AsArray());

        table.Columns.Select(c => c.Name).Should().Equal("Name", "Zone");
    }

    [Test]
    public void For_AColumnWithoutDescription_DescribesItByItsJsonPath()
    {
        var table = CustomResourceTable.For(JsonNode.Parse("""
            [
              {"name": "Zone", "type": "string", "jsonPath": ".spec.availabilityZone"},
              {"name": "Image", "type": "string", "description": "The agent image.", "jsonPath": ".spec.agentTemplate.image"}
            ]
            """)!.AsArray());

        table.Columns.Select(c => c.Description).Skip(1).Should().Equal(
            "Custom resource definition column (in JSONPath format): .spec.availabilityZone",
            "The agent image.");
    }

    [TestCase(".spec.hosts[*].name", "n1")]
    [TestCase(".spec.hosts[9].name", null)]
    [TestCase(".spec[?(@.x)]", null)]
    [TestCase(".spec.hosts", """[{"name":"n1"},{"name":"n2"}]""")]
    public void CellsOf_AStringColumn_ShowsTheFirstValueFoundOrNullOnFailure(string jsonPath, string? expected)
    {
        var table = CustomResourceTable.For(new JsonArray(new JsonObject { ["name"] = "X", ["type"] = "string", ["jsonPath"] = jsonPath }));
        var obj = JsonNode.Parse("""{"metadata": {"name": "a"}, "spec": {"hosts": [{"name": "n1"}, {"name": "n2"}]}}""")!.AsObject();

        var cell = table.CellsOf(obj, Now)[1];

        cell?.GetValue<string>().Should().Be(expected);
        (cell is null).Should().Be(expected is null);
    }

    [TestCase("string", "\"x\"", "\"x\"")]
    [TestCase("string", "5", "\"5\"")]
    [TestCase("string", "1.5", "\"1.5\"")]
    [TestCase("string", "true", "\"true\"")]
    [TestCase("string", "null", "\"<no value>\"")]
    [TestCase("string", """{"b":2,"a":1}""", """ "{\"a\":1,\"b\":2}" """)]
    [TestCase("integer", "7", "7")]
    [TestCase("integer", "7.9", "7")]
    [TestCase("integer", "-7.9", "-7")]
    [TestCase("integer", "\"7\"", "null")]
    [TestCase("integer", "null", "null")]
    [TestCase("number", "2", "2")]
    [TestCase("number", "2.5", "2.5")]
    [TestCase("number", "true", "null")]
    [TestCase("boolean", "true", "true")]
    [TestCase("boolean", "\"true\"", "null")]
    [TestCase("date", "\"2025-01-02T03:00:00Z\"", "\"9m5s\"")]
    [TestCase("date", "\"soon\"", "\"<invalid>\"")]
    [TestCase("date", "\"\"", "\"<unknown>\"")]
    [TestCase("date", "5", "null")]
    [TestCase("unknown", "5", "null")]
    public void CellValue_ConvertsTheValueToTheColumnType(string type, string value, string expected)
    {
        var cell = CustomResourceTable.CellValue(type, JsonNode.Parse(value), Now);

        TableTestJson.Text(cell).Should().Be(expected.Trim());
    }
}
