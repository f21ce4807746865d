using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class TableBuilderTests
{
    private static readonly DateTimeOffset Now = ConformanceFixtures.Now;
    private static readonly TableRequest Kubectl = new("v1", TableIncludeObject.Metadata);

    [Test]
    public void Build_OfTheConformanceList_MatchesTheRecordedTable()
    {
        var table = TableBuilder.Build(
            CustomResourceTable.For(ConformanceFixtures.PrinterColumns()),
            [ConformanceFixtures.InMaintenance(), ConformanceFixtures.WithoutStatus()],
            Kubectl,
            "1050",
            continueToken: null,
            remainingItemCount: null,
            Now);

        WithoutDescriptions(table).Should().Be(TableTestJson.Normalize("""
            {
              "kind": "Table",
              "apiVersion": "meta.k8s.io/v1",
              "metadata": {"resourceVersion": "1050"},
              "columnDefinitions": [
                {"name": "Name", "type": "string", "format": "name", "priority": 0},
                {"name": "Zone", "type": "string", "format": "", "priority": 0},
                {"name": "Desired", "type": "integer", "format": "", "priority": 0},
                {"name": "Ready Agents", "type": "integer", "format": "", "priority": 0},
                {"name": "Maintenance", "type": "string", "format": "", "priority": 0},
                {"name": "Ready", "type": "string", "format": "", "priority": 0},
                {"name": "Age", "type": "date", "format": "", "priority": 0},
                {"name": "Reason", "type": "string", "format": "", "priority": 1}
              ],
              "rows": [
                {
                  "cells": ["bb091", "qa-de-1a", 1, 0, "CHG0123456 BIOS update", "False", "5m", "InMaintenance"],
                  "object": {
                    "kind": "PartialObjectMetadata",
                    "apiVersion": "meta.k8s.io/v1",
                    "metadata": {
                      "name": "bb091", "namespace": "conf-abc123", "uid": "5c1f0a43-0000-4000-8000-000000000001",
                      "resourceVersion": "1042", "generation": 1, "creationTimestamp": "2025-01-02T03:04:05Z"
                    }
                  }
                },
                {
                  "cells": ["bb092", "qa-de-1b", null, null, null, null, "3h", null],
                  "object": {
                    "kind": "PartialObjectMetadata",
                    "apiVersion": "meta.k8s.io/v1",
                    "metadata": {
                      "name": "bb092", "namespace": "conf-abc123", "uid": "5c1f0a43-0000-4000-8000-000000000002",
                      "resourceVersion": "1043", "generation": 1, "creationTimestamp": "2025-01-02T00:09:05Z"
                    }
                  }
                }
              ]
            }
            """));
    }

    [Test]
    public void Build_OfAnEmptyConfigMapList_MatchesTheRecordedTable()
    {
        BuiltInTableColumns.TryGet("", "configmaps", out var configMaps).Should().BeTrue();

        var table = TableBuilder.Build(configMaps!, [], Kubectl, "1050", null, null, Now);

        WithoutDescriptions(table).Should().Be(TableTestJson.Normalize("""
            {
              "kind": "Table",
              "apiVersion": "meta.k8s.io/v1",
              "metadata": {"resourceVersion": "1050"},
              "columnDefinitions": [
                {"name": "Name", "type": "string", "format": "name", "priority": 0},
                {"name": "Data", "type": "string", "format": "", "priority": 0},
                {"name": "Age", "type": "string", "format": "", "priority": 0}
              ],
              "rows": []
            }
            """));
    }

    [Test]
    public void Build_DescribesEveryColumn()
    {
        var table = TableBuilder.Build(CustomResourceTable.For(ConformanceFixtures.PrinterColumns()), [], Kubectl, "1", null, null, Now);

        table["columnDefinitions"]!.AsArray().Select(c => c!["description"]!.GetValue<string>())
            .Should().HaveCount(8).And.OnlyContain(d => d.Length > 0);
    }

    [Test]
    public void Build_OfAnEmptyListWithTheDefaultPrinter_HasNullRows()
    {
        BuiltInTableColumns.TryGet("apiextensions.k8s.io", "customresourcedefinitions", out var crds).Should().BeTrue();

        var table = TableBuilder.Build(crds!, [], Kubectl, "1050", null, null, Now);

        table.ContainsKey("rows").Should().BeTrue();
        table["rows"].Should().BeNull();
    }

    [Test]
    public void Build_WithIncludeObjectObject_CarriesTheWholeObject()
    {
        var obj = ConformanceFixtures.InMaintenance();

        var table = TableBuilder.Build(Table(), [obj], Kubectl with { IncludeObject = TableIncludeObject.Object }, "1", null, null, Now);

        TableTestJson.Text(table["rows"]![0]!["object"]).Should().Be(TableTestJson.Text(obj));
    }

    [Test]
    public void Build_WithIncludeObjectNone_HasANullObject()
    {
        var table = TableBuilder.Build(Table(), [ConformanceFixtures.InMaintenance()], Kubectl with { IncludeObject = TableIncludeObject.None }, "1", null, null, Now);

        var row = table["rows"]![0]!.AsObject();
        row.ContainsKey("object").Should().BeTrue();
        row["object"].Should().BeNull();
    }

    [Test]
    public void Build_ForV1beta1_UsesThatApiVersionForTheTableAndItsPartialObjects()
    {
        var table = TableBuilder.Build(Table(), [ConformanceFixtures.InMaintenance()], new TableRequest("v1beta1", TableIncludeObject.Metadata), "1", null, null, Now);

        table["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1beta1");
        table["rows"]![0]!["object"]!["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1beta1");
    }

    [TestCase(null, null, """{"resourceVersion":"7"}""")]
    [TestCase("", null, """{"resourceVersion":"7"}""")]
    [TestCase("next-page", 3L, """{"resourceVersion":"7","continue":"next-page","remainingItemCount":3}""")]
    [TestCase("next-page", 0L, """{"resourceVersion":"7","continue":"next-page","remainingItemCount":0}""")]
    public void Build_PutsTheListMetadataInTheTable(string? continueToken, long? remainingItemCount, string expected)
    {
        var table = TableBuilder.Build(Table(), [], Kubectl, "7", continueToken, remainingItemCount, Now);

        TableTestJson.Text(table["metadata"]).Should().Be(expected);
    }

    [Test]
    public void Build_WritesColumnDefinitionsWithEveryFieldInKubernetesOrder()
    {
        var table = TableBuilder.Build(Table(), [], Kubectl, "7", null, null, Now);

        table["columnDefinitions"]![0]!.AsObject().Select(p => p.Key).Should().Equal("name", "type", "format", "description", "priority");
        table.Select(p => p.Key).Should().Equal("kind", "apiVersion", "metadata", "columnDefinitions", "rows");
    }

    [Test]
    public void ForSingleObject_HasTheObjectsResourceVersionAndOneRow()
    {
        var table = TableBuilder.ForSingleObject(Table(), ConformanceFixtures.InMaintenance(), Kubectl, Now);

        TableTestJson.Text(table["metadata"]).Should().Be("""{"resourceVersion":"1042"}""");
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())
            .Should().Equal("Name", "Zone", "Desired", "Ready Agents", "Maintenance", "Ready", "Age", "Reason");
        TableTestJson.Text(table["rows"]!.AsArray().Single()!["cells"])
            .Should().Be("""["bb091","qa-de-1a",1,0,"CHG0123456 BIOS update","False","5m","InMaintenance"]""");
    }

    [Test]
    public void ForSingleObject_WithoutColumnDefinitions_SendsNullHeadersAsLaterWatchEventsDo()
    {
        var table = TableBuilder.ForSingleObject(Table(), ConformanceFixtures.InMaintenance(), Kubectl, Now, includeColumnDefinitions: false);

        table.ContainsKey("columnDefinitions").Should().BeTrue();
        table["columnDefinitions"].Should().BeNull();
        table["rows"]!.AsArray().Should().ContainSingle();
    }

    private static TableDefinition Table() => CustomResourceTable.For(ConformanceFixtures.PrinterColumns());

    private static string WithoutDescriptions(JsonObject table)
    {
        var copy = table.DeepClone().AsObject();
        foreach (var column in copy["columnDefinitions"]!.AsArray())
        {
            column!.AsObject().Remove("description");
        }

        return TableTestJson.Text(copy);
    }
}
