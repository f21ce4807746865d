using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Parsing a schema and looking up its parts.</summary>
[TestFixture]
public sealed class CustomResourceSchemaCreateTests
{
    [TestCase("""{"type":1}""", "openAPIV3Schema.type must be a string")]
    [TestCase("""{"properties":{"a":"string"}}""", "openAPIV3Schema.properties[a] must be a schema object")]
    [TestCase("""{"properties":{"a":{"maxLength":-1}}}""", "openAPIV3Schema.properties[a].maxLength must be a non-negative integer")]
    [TestCase("""{"required":["a",1]}""", "openAPIV3Schema.required must be an array of strings")]
    [TestCase("""{"items":{"pattern":"(?=x)"}}""", "openAPIV3Schema.items.pattern: pattern '(?=x)' is not a valid regular expression")]
    public void Create_WhenSchemaIsUnusable_ThrowsArgumentExceptionNamingThePath(string json, string message)
    {
        var create = () => CustomResourceSchema.Create(BuildingBlockFixture.Json(json));

        create.Should().Throw<ArgumentException>().WithMessage(message + "*");
    }

    [Test]
    public void Create_WhenInputIsChangedAfterwards_KeepsTheOriginalSchema()
    {
        var json = BuildingBlockFixture.Json("""{"type":"object","properties":{"a":{"type":"string"}}}""");
        var schema = CustomResourceSchema.Create(json);

        json["properties"]!["a"]!["type"] = "integer";

        schema.GetSubSchema("a")!["type"]!.GetValue<string>().Should().Be("string");
        schema.Validate(BuildingBlockFixture.Json("""{"a":"x"}""")).Should().BeEmpty();
    }

    [TestCase("status", "object")]
    [TestCase("spec.agentTemplate.gracefulShutdownSeconds", "integer")]
    [TestCase("spec.hosts.name", "string")]
    public void GetSubSchema_WhenPathIsDeclared_ReturnsACopyOfIt(string path, string type)
    {
        var schema = BuildingBlockFixture.Schema();

        var subSchema = schema.GetSubSchema(path);
        subSchema!["type"]!.GetValue<string>().Should().Be(type);
        subSchema["type"] = "changed";

        schema.GetSubSchema(path)!["type"]!.GetValue<string>().Should().Be(type);
    }

    [TestCase("scale")]
    [TestCase("spec.unknown")]
    public void GetSubSchema_WhenPathIsNotDeclared_ReturnsNull(string path)
    {
        BuildingBlockFixture.Schema().GetSubSchema(path).Should().BeNull();
    }
}
