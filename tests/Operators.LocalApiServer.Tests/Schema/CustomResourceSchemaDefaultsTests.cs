using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Schema defaulting as in crd-defaulting, plus the nullable and nesting rules.</summary>
[TestFixture]
public sealed class CustomResourceSchemaDefaultsTests
{
    [TestCase(
        """{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"registry.example/nova-compute:2024.1"}}""",
        """{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"registry.example/nova-compute:2024.1","computeDriver":"libvirt.LibvirtDriver","gracefulShutdownSeconds":300},"hosts":[]}""",
        TestName = "ApplyDefaults_WhenFieldsAreAbsent_FillsTheDefaults")]
    [TestCase(
        """{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x","computeDriver":"fake.FakeDriver","gracefulShutdownSeconds":0},"hosts":[{"name":"h1"}]}""",
        """{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x","computeDriver":"fake.FakeDriver","gracefulShutdownSeconds":0},"hosts":[{"name":"h1"}]}""",
        TestName = "ApplyDefaults_WhenValuesAreExplicit_KeepsThem")]
    [TestCase(
        """{"hosts":[]}""",
        """{"hosts":[]}""",
        TestName = "ApplyDefaults_WhenParentObjectIsAbsent_DoesNotCreateIt")]
    [TestCase(
        """{"agentTemplate":{"image":"x","gracefulShutdownSeconds":null,"customServiceConfig":null}}""",
        """{"agentTemplate":{"image":"x","gracefulShutdownSeconds":300,"computeDriver":"libvirt.LibvirtDriver"},"hosts":[]}""",
        TestName = "ApplyDefaults_WhenNonNullableFieldIsNull_DefaultsOrRemovesIt")]
    public void ApplyDefaults_AppliesTheSchemaDefaults(string specJson, string expectedSpecJson)
    {
        var resource = BuildingBlockFixture.Resource(specJson);

        BuildingBlockFixture.Schema().ApplyDefaults(resource);

        JsonNode.DeepEquals(resource["spec"], JsonNode.Parse(expectedSpecJson)).Should().BeTrue(resource["spec"]!.ToJsonString());
    }

    [Test]
    public void ApplyDefaults_WhenDefaultedObjectHasNestedDefaults_AppliesThemToo()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"retry":{"type":"object","default":{},
              "properties":{"maxAttempts":{"type":"integer","default":8},"backoff":{"type":"object","default":{"initial":5},
                "properties":{"initial":{"type":"integer"},"max":{"type":"integer","default":300}}}}}}}
            """));
        var resource = new JsonObject();

        schema.ApplyDefaults(resource);

        JsonNode.DeepEquals(resource, JsonNode.Parse("""{"retry":{"maxAttempts":8,"backoff":{"initial":5,"max":300}}}"""))
            .Should().BeTrue(resource.ToJsonString());
    }

    [Test]
    public void ApplyDefaults_WhenFieldIsNullable_KeepsTheNull()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"a":{"type":"string","nullable":true,"default":"x"},"b":{"type":"string","nullable":true}}}
            """));
        var resource = BuildingBlockFixture.Json("""{"a":null,"b":null}""");

        schema.ApplyDefaults(resource);

        resource.ToJsonString().Should().Be("""{"a":null,"b":null}""");
    }

    [Test]
    public void ApplyDefaults_WhenListItemsAndMapValuesHaveDefaults_DefaultsEachOne()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{
              "items":{"type":"array","items":{"type":"object","properties":{"weight":{"type":"integer","default":1}}}},
              "limits":{"type":"object","additionalProperties":{"type":"object","properties":{"max":{"type":"integer","default":10}}}},
              "names":{"type":"array","items":{"type":"string","default":"unnamed"}}}}
            """));
        var resource = BuildingBlockFixture.Json("""{"items":[{},{"weight":3}],"limits":{"cpu":{}},"names":["a",null]}""");

        schema.ApplyDefaults(resource);

        JsonNode.DeepEquals(resource, JsonNode.Parse(
            """{"items":[{"weight":1},{"weight":3}],"limits":{"cpu":{"max":10}},"names":["a","unnamed"]}""")).Should().BeTrue(resource.ToJsonString());
    }

    [Test]
    public void ApplyDefaults_WhenTwoObjectsAreDefaulted_GivesEachItsOwnCopy()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"a":{"type":"object","default":{"n":1},"properties":{"n":{"type":"integer"}}}}}
            """));
        var first = new JsonObject();
        var second = new JsonObject();

        schema.ApplyDefaults(first);
        first["a"]!["n"] = 2;
        schema.ApplyDefaults(second);

        second.ToJsonString().Should().Be("""{"a":{"n":1}}""");
    }

    [Test]
    public void ApplyDefaults_WhenDefaultHasFieldsTheSchemaDoesNotKnow_PrunesThem()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"a":{"type":"object","default":{"n":1,"unknown":2},"properties":{"n":{"type":"integer"}}}}}
            """));
        var resource = new JsonObject();

        schema.ApplyDefaults(resource);

        resource.ToJsonString().Should().Be("""{"a":{"n":1}}""");
    }
}
