using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>The essential checks kube-apiserver runs on a CustomResourceDefinition.</summary>
[TestFixture]
public sealed class CustomResourceDefinitionValidatorTests
{
    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, " +
        "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    [Test]
    public void Validate_WhenCrdIsTheConformanceOne_ReturnsNoCauses()
    {
        CustomResourceDefinitionValidator.Validate(BuildingBlockFixture.CustomResourceDefinition()).Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenNameIsNotPluralDotGroup_ReturnsInvalidName()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["metadata"]!["name"] = "validations.conformance.operators.dev";

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueInvalid", "metadata.name",
            "Invalid value: \"validations.conformance.operators.dev\": must be spec.names.plural+\".\"+spec.group"));
    }

    [Test]
    public void Validate_WhenNameIsMissing_ReturnsRequiredName()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["metadata"]!.AsObject().Remove("name");

        CustomResourceDefinitionValidator.Validate(crd)
            .Should().Equal(new StatusCause("FieldValueRequired", "metadata.name", "Required value: name or generateName is required"));
    }

    [TestCase("", "FieldValueRequired", "Required value")]
    [TestCase("operators", "FieldValueInvalid", "Invalid value: \"operators\": should be a domain with at least one dot")]
    public void Validate_WhenGroupIsMissingOrHasNoDot_ReportsSpecGroup(string group, string reason, string message)
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["group"] = group;
        crd["metadata"]!["name"] = "bbvalidations." + group;

        CustomResourceDefinitionValidator.Validate(crd).Should().ContainSingle(c => c.Field == "spec.group")
            .Which.Should().Be(new StatusCause(reason, "spec.group", message));
    }

    [Test]
    public void Validate_WhenScopeIsUnknown_ReturnsNotSupported()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["scope"] = "Global";

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueNotSupported", "spec.scope",
            "Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\""));
    }

    [Test]
    public void Validate_WhenNoVersionIsStorage_ReportsVersionsAndStoredVersions()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["versions"]![0]!["storage"] = false;

        CustomResourceDefinitionValidator.Validate(crd).Select(c => (c.Field, c.Reason)).Should().Equal(
            ("spec.versions", "FieldValueInvalid"), ("status.storedVersions", "FieldValueInvalid"));
    }

    [Test]
    public void Validate_WhenTwoVersionsAreStorage_ReportsExactlyOneStorageVersion()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        var second = crd["spec"]!["versions"]![0]!.DeepClone();
        second["name"] = "v1beta1";
        crd["spec"]!["versions"]!.AsArray().Add(second);

        CustomResourceDefinitionValidator.Validate(crd).Select(c => c.Message[(c.Message.LastIndexOf(':') + 2)..]).Should().Equal(
            "must have exactly one version marked as storage version", "must have the storage version v1beta1");
    }

    [Test]
    public void Validate_WhenVersionNameIsNotALabel_ReportsItAlsoAsSpecVersion()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["versions"]![0]!["name"] = "V1";

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(
            new StatusCause("FieldValueInvalid", "spec.versions[0].name", "Invalid value: \"V1\": " + Dns1035Message),
            new StatusCause("FieldValueInvalid", "spec.version", "Invalid value: \"V1\": " + Dns1035Message));
    }

    [Test]
    public void Validate_WhenVersionHasNoSchema_RequiresIt()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["versions"]![0]!.AsObject().Remove("schema");

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(
            new StatusCause("FieldValueRequired", "spec.versions[0].schema.openAPIV3Schema", "Required value: schemas are required"));
    }

    [Test]
    public void Validate_WhenNamesAreMissing_RequiresEachOne()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["names"] = new JsonObject();
        crd["metadata"]!["name"] = ".conformance.operators.dev";

        CustomResourceDefinitionValidator.Validate(crd).Where(c => c.Field.StartsWith("spec.names", StringComparison.Ordinal))
            .Select(c => c.Field).Should().Equal("spec.names.plural", "spec.names.singular", "spec.names.kind", "spec.names.listKind");
    }

    [Test]
    public void Validate_WhenKindEqualsListKind_ReportsListKind()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["names"]!["listKind"] = "BbValidation";

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueInvalid", "spec.names.listKind",
            "Invalid value: \"BbValidation\": kind and listKind may not be the same"));
    }

    [Test]
    public void Validate_WhenPropertyHasNoType_ReportsItAtThePromotedSchemaPath()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        SchemaOf(crd, 0)["properties"]!["spec"]!["properties"]!["agentTemplate"]!.AsObject().Remove("type");

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueRequired",
            "spec.validation.openAPIV3Schema.properties[spec].properties[agentTemplate].type",
            "Required value: must not be empty for specified object fields"));
    }

    [Test]
    public void Validate_WhenVersionsHaveDifferentSchemas_ReportsPerVersionPaths()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        var second = crd["spec"]!["versions"]![0]!.DeepClone();
        second["name"] = "v1beta1";
        second["storage"] = false;
        crd["spec"]!["versions"]!.AsArray().Add(second);
        SchemaOf(crd, 1)["properties"]!["status"]!["x-kubernetes-list-type"] = "set";

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueInvalid",
            "spec.versions[1].schema.openAPIV3Schema.properties[status].type",
            "Invalid value: \"object\": must be array if x-kubernetes-list-type is specified"));
    }

    [TestCase("""{"type":"array"}""", "FieldValueRequired", "spec.validation.openAPIV3Schema.properties[a].items", "Required value: must be specified")]
    [TestCase("""{"type":"text"}""", "FieldValueNotSupported", "spec.validation.openAPIV3Schema.properties[a].type",
        "Unsupported value: \"text\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"")]
    [TestCase("""{"type":"array","uniqueItems":true,"items":{"type":"string"}}""", "FieldValueForbidden",
        "spec.validation.openAPIV3Schema.properties[a].uniqueItems", "Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic")]
    [TestCase("""{"type":"object","properties":{"b":{"type":"string"}},"additionalProperties":{"type":"string"}}""", "FieldValueForbidden",
        "spec.validation.openAPIV3Schema.properties[a].additionalProperties", "Forbidden: additionalProperties and properties are mutual exclusive")]
    [TestCase("""{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object","properties":{"k":{"type":"string"}}}}""", "FieldValueRequired",
        "spec.validation.openAPIV3Schema.properties[a].x-kubernetes-list-map-keys", "Required value: must not be empty if x-kubernetes-list-type is map")]
    [TestCase("""{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["k"],"items":{"type":"string"}}""", "FieldValueInvalid",
        "spec.validation.openAPIV3Schema.properties[a].items.type", "Invalid value: \"string\": must be object if parent array's x-kubernetes-list-type is map")]
    [TestCase("""{"type":"string","anyOf":[{"type":"string"}]}""", "FieldValueForbidden",
        "spec.validation.openAPIV3Schema.properties[a].anyOf[0].type", "Forbidden: must be empty to be structural")]
    [TestCase("""{"type":"object","x-kubernetes-map-type":"loose"}""", "FieldValueNotSupported",
        "spec.validation.openAPIV3Schema.properties[a].x-kubernetes-map-type", "Unsupported value: \"loose\": supported values: \"atomic\", \"granular\"")]
    [TestCase("""{"type":"string","pattern":"(?<=a)b"}""", "FieldValueInvalid",
        "spec.validation.openAPIV3Schema.properties[a].pattern", "Invalid value: \"(?<=a)b\": must be a valid regular expression")]
    public void Validate_WhenPropertySchemaIsNotAllowed_ReportsIt(string propertySchema, string reason, string field, string message)
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        SchemaOf(crd, 0)["properties"]!["a"] = JsonNode.Parse(propertySchema);

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause(reason, field, message));
    }

    [TestCase("""{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}""")]
    [TestCase("""{"x-kubernetes-int-or-string":true,"allOf":[{"anyOf":[{"type":"integer"},{"type":"string"}]}]}""")]
    public void Validate_WhenIntOrStringListsItsTwoTypes_AcceptsItAsKubeApiServerDoes(string propertySchema)
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        SchemaOf(crd, 0)["properties"]!["a"] = JsonNode.Parse(propertySchema);

        CustomResourceDefinitionValidator.Validate(crd).Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenAnyOfListsTypesWithoutIntOrString_StillForbidsThem()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        SchemaOf(crd, 0)["properties"]!["a"] = JsonNode.Parse("""{"type":"string","anyOf":[{"type":"integer"},{"type":"string"}]}""");

        CustomResourceDefinitionValidator.Validate(crd).Should().Contain(c => c.Field == "spec.validation.openAPIV3Schema.properties[a].anyOf[0].type");
    }

    [Test]
    public void Validate_WhenRootMetadataRestrictsMoreThanTheName_ForbidsIt()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        SchemaOf(crd, 0)["properties"]!["metadata"] = JsonNode.Parse("""{"type":"object","properties":{"labels":{"type":"object"}}}""");

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueForbidden",
            "spec.validation.openAPIV3Schema.properties[metadata]",
            "Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"));
    }

    [Test]
    public void Validate_WhenRootIsNotAnObject_ReportsRootType()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["versions"]![0]!["schema"] = JsonNode.Parse("""{"openAPIV3Schema":{"type":"string"}}""");

        CustomResourceDefinitionValidator.Validate(crd).Should().Equal(new StatusCause("FieldValueInvalid",
            "spec.validation.openAPIV3Schema.type", "Invalid value: \"string\": must be object at the root"));
    }

    [Test]
    public void Validate_WhenPrinterColumnIsIncomplete_ReportsItsFields()
    {
        var crd = BuildingBlockFixture.CustomResourceDefinition();
        crd["spec"]!["versions"]![0]!["additionalPrinterColumns"] = JsonNode.Parse("""[{"type":"text","jsonPath":"status"}]""");

        CustomResourceDefinitionValidator.Validate(crd).Select(c => c.Field).Should().Equal(
            "spec.additionalPrinterColumns[0].name", "spec.additionalPrinterColumns[0].type", "spec.additionalPrinterColumns[0].jsonPath");
    }

    private static JsonObject SchemaOf(JsonObject crd, int version) =>
        crd["spec"]!["versions"]![version]!["schema"]!["openAPIV3Schema"]!.AsObject();
}
