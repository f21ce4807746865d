using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>x-kubernetes-list-type set and map uniqueness, as in crd-listmap-duplicates.</summary>
[TestFixture]
public sealed class CustomResourceSchemaListTypeTests
{
    private const string Zone = "\"availabilityZone\":\"qa-de-1a\",\"agentTemplate\":{\"image\":\"x\"}";

    [Test]
    public void Validate_WhenMapListRepeatsAKey_ReturnsDuplicateAtSecondOccurrenceWithKeyObject()
    {
        var causes = Validate("{" + Zone + ""","hosts":[{"name":"node001"},{"name":"node002"},{"name":"node001"}]}""");

        causes.Should().Equal(new StatusCause("FieldValueDuplicate", "spec.hosts[2]", "Duplicate value: {\"name\":\"node001\"}"));
    }

    [Test]
    public void Validate_WhenDuplicateItemsDifferInOtherFields_StillReportsTheKey()
    {
        var causes = Validate("{" + Zone + ""","hosts":[{"name":"a"},{"name":"a","nodeName":"n"}]}""");

        causes.Should().Equal(new StatusCause("FieldValueDuplicate", "spec.hosts[1]", "Duplicate value: {\"name\":\"a\"}"));
    }

    [Test]
    public void Validate_WhenKeyRepeatsThreeTimes_ReportsOnlyTheFirstRepeat()
    {
        var causes = Validate("{" + Zone + ""","hosts":[{"name":"a"},{"name":"a"},{"name":"a"}]}""");

        causes.Select(c => c.Field).Should().Equal("spec.hosts[1]");
    }

    [Test]
    public void Validate_WhenStatusConditionsRepeatAType_ReturnsDuplicateInStatus()
    {
        var resource = BuildingBlockFixture.Resource("{" + Zone + "}");
        resource["status"] = BuildingBlockFixture.Json("""
            {"conditions":[
              {"type":"Ready","status":"True","reason":"A","lastTransitionTime":"2024-01-01T00:00:00Z"},
              {"type":"Ready","status":"False","reason":"B","lastTransitionTime":"2024-01-01T00:00:00Z"}]}
            """);

        BuildingBlockFixture.Schema().Validate(resource).Should().Equal(
            new StatusCause("FieldValueDuplicate", "status.conditions[1]", "Duplicate value: {\"type\":\"Ready\"}"));
    }

    [Test]
    public void Validate_WhenTwoItemsLackTheKey_ReturnsDuplicateOfEmptyKeyAfterRequiredErrors()
    {
        var causes = Validate("{" + Zone + ""","hosts":[{"nodeName":"a"},{"nodeName":"b"}]}""");

        causes.Should().Equal(
            new StatusCause("FieldValueRequired", "spec.hosts[0].name", "Required value"),
            new StatusCause("FieldValueRequired", "spec.hosts[1].name", "Required value"),
            new StatusCause("FieldValueDuplicate", "spec.hosts[1]", "Duplicate value: {}"));
    }

    [TestCase("""["a","b","a"]""", "spec.tags[2]", "Duplicate value: \"a\"")]
    [TestCase("""[1,2,1]""", "spec.tags[2]", "Duplicate value: 1")]
    [TestCase("""[{"a":1,"b":2},{"b":2,"a":1}]""", "spec.tags[1]", "Duplicate value: {\"a\":1,\"b\":2}")]
    public void Validate_WhenSetRepeatsAValue_ReturnsDuplicate(string tags, string field, string message)
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"x-kubernetes-preserve-unknown-fields":true}}}}}}
            """));

        var causes = schema.Validate(new JsonObject { ["spec"] = new JsonObject { ["tags"] = JsonNode.Parse(tags) } });

        causes.Should().Equal(new StatusCause("FieldValueDuplicate", field, message));
    }

    [Test]
    public void Validate_WhenSetHoldsAnIntegerAndAnEqualFloat_TreatsThemAsDifferent()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"number"}}}}
            """));

        schema.Validate(BuildingBlockFixture.Json("""{"tags":[1,1.0]}""")).Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenMapListHasTwoKeys_ComparesBothAndPrintsThemSorted()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map",
              "x-kubernetes-list-map-keys":["protocol","port"],
              "items":{"type":"object","properties":{"port":{"type":"integer"},"protocol":{"type":"string"}}}}}}
            """));

        var causes = schema.Validate(BuildingBlockFixture.Json(
            """{"ports":[{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"},{"protocol":"TCP","port":80}]}"""));

        causes.Should().Equal(new StatusCause("FieldValueDuplicate", "ports[2]", "Duplicate value: {\"port\":80,\"protocol\":\"TCP\"}"));
    }

    [Test]
    public void Validate_WhenMapListItemIsNotAnObject_ReturnsInvalidItem()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"hosts":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"x-kubernetes-preserve-unknown-fields":true}}}}
            """));

        var causes = schema.Validate(BuildingBlockFixture.Json("""{"hosts":[{"name":"a"},"b"]}"""));

        causes.Should().Equal(new StatusCause("FieldValueInvalid", "hosts[1]", "Invalid value: \"b\": must be an object for an array of list-type map"));
    }

    private static IReadOnlyList<StatusCause> Validate(string specJson) =>
        BuildingBlockFixture.Schema().Validate(BuildingBlockFixture.Resource(specJson));
}
