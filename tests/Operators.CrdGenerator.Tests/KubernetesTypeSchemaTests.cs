using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests;

public sealed class KubernetesTypeSchemaTests
{
    private static readonly JsonObject Root = JsonAssert.RootSchema(CustomResourceDefinitions.Generate(typeof(V1Widget)));

    private static JsonObject SpecProperty(string name) => Root["properties"]!["spec"]!["properties"]![name]!.AsObject();

    [Test]
    public void Generate_ForConditions_WritesTheMetaV1ConditionShapeAsAMapListByType()
    {
        var conditions = Root["properties"]!["status"]!["properties"]!["conditions"]!.AsObject();
        JsonAssert.Equal(conditions["x-kubernetes-list-type"], "\"map\"");
        JsonAssert.Equal(conditions["x-kubernetes-list-map-keys"], """["type"]""");
        var item = conditions["items"]!.AsObject();
        JsonAssert.Equal(item["required"], """["type","status","lastTransitionTime","reason","message"]""");
        var properties = item["properties"]!;
        JsonAssert.Equal(properties["status"]!["enum"], """["True","False","Unknown"]""");
        JsonAssert.Equal(properties["observedGeneration"]!["format"], "\"int64\"");
        JsonAssert.Equal(properties["observedGeneration"]!["minimum"], "0");
        JsonAssert.Equal(properties["lastTransitionTime"]!["format"], "\"date-time\"");
        JsonAssert.Equal(properties["reason"]!["minLength"], "1");
        JsonAssert.Equal(properties["reason"]!["maxLength"], "1024");
        JsonAssert.Equal(properties["reason"]!["pattern"], "\"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$\"");
        JsonAssert.Equal(properties["type"]!["maxLength"], "316");
        JsonAssert.Equal(properties["message"]!["maxLength"], "32768");
    }

    [Test]
    public void Generate_ForAResourceQuantity_WritesIntOrStringWithTheQuantityPattern()
    {
        var memory = SpecProperty("memory");
        memory["x-kubernetes-int-or-string"]!.GetValue<bool>().Should().BeTrue();
        memory["pattern"]!.GetValue<string>().Should().Be(KubernetesTypeSchemas.QuantityPattern);
        memory.ContainsKey("type").Should().BeFalse("an int-or-string node has no single type");
        memory["description"]!.GetValue<string>().Should().Be("A quantity.");
    }

    [Test]
    public void Generate_ForIntOrString_WritesIntOrStringWithItsTwoTypesAndNoPattern()
    {
        JsonAssert.Equal(SpecProperty("port"), """{"anyOf":[{"type":"integer"},{"type":"string"}],"description":"A port, by number or name.","x-kubernetes-int-or-string":true}""");
    }

    [Test]
    public void Generate_ForResourceRequirements_WritesQuantityMapsAndClaimsKeyedByName()
    {
        var resources = SpecProperty("resources");
        var properties = resources["properties"]!.AsObject();
        properties.Select(p => p.Key).Should().Equal("limits", "requests", "claims");
        properties["limits"]!["additionalProperties"]!["x-kubernetes-int-or-string"]!.GetValue<bool>().Should().BeTrue();
        properties["requests"]!["additionalProperties"]!["pattern"]!.GetValue<string>().Should().Be(KubernetesTypeSchemas.QuantityPattern);
        JsonAssert.Equal(properties["claims"]!["x-kubernetes-list-type"], "\"map\"");
        JsonAssert.Equal(properties["claims"]!["x-kubernetes-list-map-keys"], """["name"]""");
        JsonAssert.Equal(properties["claims"]!["items"]!["required"], """["name"]""");
        resources["description"]!.GetValue<string>().Should().Be("Compute resources.", "the property's own summary wins");
    }

    [Test]
    public void Generate_ForALabelSelector_WritesAnAtomicMapWithRequiredKeyAndOperator()
    {
        var selector = SpecProperty("selector");
        JsonAssert.Equal(selector["x-kubernetes-map-type"], "\"atomic\"");
        JsonAssert.Equal(selector["properties"]!["matchLabels"]!["additionalProperties"], """{"type":"string"}""");
        var expressions = selector["properties"]!["matchExpressions"]!;
        JsonAssert.Equal(expressions["x-kubernetes-list-type"], "\"atomic\"");
        JsonAssert.Equal(expressions["items"]!["required"], """["key","operator"]""");
        JsonAssert.Equal(expressions["items"]!["properties"]!["values"]!["items"], """{"type":"string"}""");
    }
}
