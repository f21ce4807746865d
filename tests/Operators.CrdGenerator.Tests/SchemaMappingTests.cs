using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests;

/// <summary>One test per row of the attribute → schema table, on the test project's Widget types.</summary>
public sealed class SchemaMappingTests
{
    private static readonly JsonObject Spec =
        JsonAssert.RootSchema(CustomResourceDefinitions.Generate(typeof(V1Widget)))["properties"]!["spec"]!.AsObject();

    private static JsonNode? Property(string name) => Spec["properties"]![name];

    [Test]
    public void Generate_ForScalars_MapsIntegersWithFormatNumbersAndBooleans()
    {
        JsonAssert.Equal(Property("weight"), """{"description":"How heavy.","format":"int64","type":"integer"}""");
        JsonAssert.Equal(Property("shiny"), """{"default":true,"description":"Whether it shines.","type":"boolean"}""");
        Property("ratio")!["type"]!.GetValue<string>().Should().Be("number");
    }

    [Test]
    public void Generate_ForDateTimeAndDateTimeOffset_WritesDateTimeStrings()
    {
        JsonAssert.Equal(Property("madeAt"), """{"description":"When it was made.","format":"date-time","type":"string"}""");
        JsonAssert.Equal(Property("expiresAt"), """{"description":"When it expires.","format":"date-time","type":"string"}""");
    }

    [Test]
    public void Generate_ForStringKeyedDictionaries_WritesObjectsWithAdditionalProperties()
    {
        JsonAssert.Equal(Property("labels"), """{"additionalProperties":{"type":"string"},"description":"Free labels.","type":"object"}""");
        JsonAssert.Equal(Property("counters"),
            """{"additionalProperties":{"format":"int32","type":"integer"},"description":"Counters by name.","type":"object"}""");
    }

    [Test]
    public void Generate_ForListsAndArrays_WritesArraysWhoseValueConstraintsApplyToTheItems()
    {
        JsonAssert.Equal(Property("nicknames"), """{"description":"Nicknames.","items":{"maxLength":10,"type":"string"},"type":"array"}""");
    }

    [Test]
    public void Generate_ForNestedClasses_WritesObjectsWithTheirPropertiesAndRequiredInDeclarationOrder()
    {
        JsonAssert.Equal(Property("parts")!["items"], """
            {"description":"One part of a widget.",
             "properties":{"name":{"description":"The part's name.","type":"string"},
                           "count":{"description":"How many.","format":"int32","type":"integer"}},
             "required":["name","count"],"type":"object"}
            """);
    }

    [Test]
    public void Generate_ForRequired_ListsThePropertyInItsParent()
    {
        JsonAssert.Equal(Spec["required"], """["size"]""");
    }

    [Test]
    public void Generate_ForRange_WritesMinimumAndMaximumAndExclusiveBounds()
    {
        JsonAssert.Equal(Property("size"),
            """{"description":"How big, in cm.","format":"int32","maximum":100,"minimum":1,"type":"integer"}""");
        JsonAssert.Equal(Property("ratio"),
            """{"description":"A ratio.","exclusiveMinimum":true,"maximum":2.5,"minimum":0.5,"type":"number"}""");
    }

    [Test]
    public void Generate_ForStringLengthAndRegularExpression_WritesLengthsAndPattern()
    {
        JsonAssert.Equal(Property("shape"),
            """{"description":"The shape.","maxLength":20,"minLength":2,"pattern":"^[a-z]+$","type":"string"}""");
    }

    [Test]
    public void Generate_ForAllowedValuesAndDefaultValue_WritesEnumAndDefault()
    {
        JsonAssert.Equal(Property("color"),
            """{"default":"red","description":"The color.","enum":["red","green","yes"],"type":"string"}""");
    }

    [Test]
    public void Generate_ForAListWithAllowedValuesItemCountListSetAndDefault_ConstrainsTheListAndItsItems()
    {
        JsonAssert.Equal(Property("tags"), """
            {"default":["a","b"],"description":"Tags, unique.","items":{"enum":["a","b","c"],"type":"string"},
             "maxItems":5,"minItems":1,"type":"array","x-kubernetes-list-type":"set"}
            """);
    }

    [Test]
    public void Generate_ForListMapWithAnEmptyArrayDefault_WritesMapListTypeKeysAndEmptyDefault()
    {
        var parts = Property("parts")!.AsObject();
        JsonAssert.Equal(parts["default"], "[]");
        JsonAssert.Equal(parts["x-kubernetes-list-type"], "\"map\"");
        JsonAssert.Equal(parts["x-kubernetes-list-map-keys"], """["name"]""");
    }

    [Test]
    public void Generate_ForDefaultEmptyObject_WritesAnEmptyObjectDefaultAboveTheNestedDefaults()
    {
        JsonAssert.Equal(Property("settings"), """
            {"default":{},"description":"Optional settings; present even when omitted.",
             "properties":{"retries":{"default":3,"description":"Retries.","format":"int32","type":"integer"}},"type":"object"}
            """);
    }

    [Test]
    public void Generate_ForSchemaNullable_WritesNullableTrue()
    {
        JsonAssert.Equal(Property("note"), """{"description":"May be null.","nullable":true,"type":"string"}""");
    }

    [Test]
    public void Generate_ForMetadata_WritesOnlyTypeObject()
    {
        var root = JsonAssert.RootSchema(CustomResourceDefinitions.Generate(typeof(V1Widget)));
        JsonAssert.Equal(root["properties"]!["metadata"], """{"type":"object"}""");
        JsonAssert.Equal(root["properties"]!["kind"], """{"description":"The kind.","type":"string"}""");
    }

    [Test]
    public void Generate_ListsJsonPropertiesInDeclarationOrderAndSkipsUnnamedAndIgnoredOnes()
    {
        Spec["properties"]!.AsObject().Select(p => p.Key).Should().Equal(
            "size", "weight", "ratio", "color", "shape", "shiny", "madeAt", "expiresAt", "labels", "counters", "tags",
            "nicknames", "parts", "settings", "note", "resources", "selector", "memory", "port");
    }
}
