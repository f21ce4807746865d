using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>One-field schemas checked against kube-openapi's messages (field <c>v</c> of the object).</summary>
[TestFixture]
public sealed class CustomResourceSchemaValueTests
{
    [TestCase("""{"type":"integer"}""", "1.5", "FieldValueTypeInvalid", "Invalid value: \"number\": v in body must be of type integer: \"number\"")]
    [TestCase("""{"type":"boolean"}""", "\"yes\"", "FieldValueTypeInvalid", "Invalid value: \"string\": v in body must be of type boolean: \"string\"")]
    [TestCase("""{"type":"object"}""", "[]", "FieldValueTypeInvalid", "Invalid value: \"array\": v in body must be of type object: \"array\"")]
    [TestCase("""{"type":"string"}""", "null", "FieldValueTypeInvalid", "Invalid value: \"null\": v in body must be of type string: \"null\"")]
    [TestCase("""{"x-kubernetes-int-or-string":true}""", "true", "FieldValueTypeInvalid", "Invalid value: \"boolean\": v in body must be of type integer,string: \"boolean\"")]
    [TestCase("""{"type":"integer","minimum":1}""", "0", "FieldValueInvalid", "Invalid value: 0: v in body should be greater than or equal to 1")]
    [TestCase("""{"type":"integer","minimum":1,"exclusiveMinimum":true}""", "1", "FieldValueInvalid", "Invalid value: 1: v in body should be greater than 1")]
    [TestCase("""{"type":"number","maximum":2.5,"exclusiveMaximum":true}""", "2.5", "FieldValueInvalid", "Invalid value: 2.5: v in body should be less than 2.5")]
    [TestCase("""{"type":"integer","multipleOf":5}""", "12", "FieldValueInvalid", "Invalid value: 12: v in body should be a multiple of 5")]
    [TestCase("""{"type":"number","multipleOf":0.5}""", "0.3", "FieldValueInvalid", "Invalid value: 0.3: v in body should be a multiple of 0.5")]
    [TestCase("""{"type":"string","maxLength":1}""", "\"ab\"", "FieldValueTooLong", "Too long: may not be more than 1 byte")]
    [TestCase("""{"type":"array","minItems":1,"items":{"type":"string"}}""", "[]", "FieldValueInvalid", "Invalid value: 0: v in body should have at least 1 items")]
    [TestCase("""{"type":"array","maxItems":1,"items":{"type":"string"}}""", "[\"a\",\"b\"]", "FieldValueTooMany", "Too many: 2: must have at most 1 item")]
    [TestCase("""{"type":"object","minProperties":1}""", "{}", "FieldValueInvalid", "Invalid value: 0: v in body should have at least 1 properties")]
    [TestCase("""{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}""", """{"a":"1","b":"2"}""", "FieldValueTooMany", "Too many: 2: must have at most 1 item")]
    [TestCase("""{"type":"integer","enum":[1,2]}""", "3", "FieldValueNotSupported", "Unsupported value: 3: supported values: \"1\", \"2\"")]
    [TestCase("""{"type":"string","format":"uuid"}""", "\"nope\"", "FieldValueTypeInvalid", "Invalid value: \"nope\": v in body must be of type uuid: \"nope\"")]
    [TestCase("""{"type":"string","pattern":"^a\\d$"}""", "\"a1\\n\"", "FieldValueInvalid", "Invalid value: \"a1\\n\": v in body should match '^a\\d$'")]
    public void Validate_WhenValueBreaksAConstraint_ReturnsKubeOpenApiMessage(string fieldSchema, string value, string reason, string message)
    {
        Validate(fieldSchema, value).Should().Equal(new StatusCause(reason, "v", message));
    }

    [TestCase("""{"type":"integer"}""", "1.0")]
    [TestCase("""{"type":"number"}""", "3")]
    [TestCase("""{"type":"string","nullable":true}""", "null")]
    [TestCase("""{"x-kubernetes-int-or-string":true}""", "\"50%\"")]
    [TestCase("""{"x-kubernetes-int-or-string":true}""", "50")]
    [TestCase("""{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}""", "\"250m\"")]
    [TestCase("""{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}""", "2")]
    [TestCase("""{"type":"integer","format":"int32"}""", "9999999999")]
    [TestCase("""{"type":"string","format":"date-time"}""", "\"2024-01-01T00:00:00.123+02:00\"")]
    [TestCase("""{"type":"string","format":"int-or-string-ish"}""", "\"anything\"")]
    [TestCase("""{"x-kubernetes-preserve-unknown-fields":true}""", """{"any":[1,"x"]}""")]
    [TestCase("""{"type":"number","enum":[1.5,2]}""", "2")]
    public void Validate_WhenValueFitsTheSchema_ReturnsNoCauses(string fieldSchema, string value)
    {
        Validate(fieldSchema, value).Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenStringBreaksSeveralRules_ReportsOnlyTheFirstOfLengthAndPattern()
    {
        Validate("""{"type":"string","maxLength":2,"pattern":"^[a-z]+$"}""", "\"ABC\"")
            .Should().Equal(new StatusCause("FieldValueTooLong", "v", "Too long: may not be more than 2 bytes"));
    }

    [Test]
    public void Validate_WhenAdditionalPropertiesAreForbidden_ReportsEachExtraKey()
    {
        Validate("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"a":"x","b":1}""")
            .Should().Equal(new StatusCause("FieldValueInvalid", "v", "Invalid value: \"b\": v.b in body is a forbidden property"));
    }

    [Test]
    public void Validate_WhenMapValueIsInvalid_ReportsTheKeyInThePath()
    {
        Validate("""{"type":"object","additionalProperties":{"type":"string"}}""", """{"kubernetes.io/hostname":1}""")
            .Should().Equal(new StatusCause("FieldValueTypeInvalid", "v.kubernetes.io/hostname",
                "Invalid value: \"integer\": v.kubernetes.io/hostname in body must be of type string: \"integer\""));
    }

    [Test]
    public void Validate_WhenNoAnyOfAlternativeMatches_ReportsCompositeWithoutFieldAndClosestFailure()
    {
        var causes = Validate("""{"type":"string","anyOf":[{"pattern":"^a"},{"maxLength":1}]}""", "\"bb\"");

        causes.Should().Equal(
            new StatusCause("FieldValueInvalid", "<nil>", "Invalid value: \"\": \"v\" must validate at least one schema (anyOf)"),
            new StatusCause("FieldValueInvalid", "v", "Invalid value: \"bb\": v in body should match '^a'"));
    }

    [Test]
    public void Validate_WhenAllOfPartFails_ReportsThePartThenTheComposite()
    {
        var causes = Validate("""{"type":"integer","allOf":[{"minimum":0},{"maximum":5}]}""", "7");

        causes.Should().Equal(
            new StatusCause("FieldValueInvalid", "v", "Invalid value: 7: v in body should be less than or equal to 5"),
            new StatusCause("FieldValueInvalid", "<nil>", "Invalid value: \"\": \"v\" must validate all the schemas (allOf)"));
    }

    [Test]
    public void Validate_WhenExactlyOneOneOfMatches_ReturnsNoCauses()
    {
        Validate("""{"type":"integer","oneOf":[{"minimum":5},{"maximum":10}]}""", "3").Should().BeEmpty();
    }

    [Test]
    public void Validate_WhenTwoOneOfAlternativesMatch_ReportsOnlyTheComposite()
    {
        Validate("""{"type":"integer","oneOf":[{"minimum":5},{"maximum":10}]}""", "7").Should().Equal(new StatusCause(
            "FieldValueInvalid", "<nil>", "Invalid value: \"\": \"v\" must validate one and only one schema (oneOf). Found 2 valid alternatives"));
    }

    [Test]
    public void Validate_WhenNotSchemaMatches_ReportsComposite()
    {
        Validate("""{"type":"string","not":{"pattern":"^x"}}""", "\"xy\"")
            .Should().Equal(new StatusCause("FieldValueInvalid", "<nil>", "Invalid value: \"\": \"v\" must not validate the schema (not)"));
    }

    [Test]
    public void Validate_WhenNestedEmbeddedResourceLacksKind_RequiresApiVersionAndKind()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}
            """));

        schema.Validate(BuildingBlockFixture.Json("""{"template":{"kind":"bad_kind"}}""")).Should().Equal(
            new StatusCause("FieldValueRequired", "template.apiVersion", "Required value"),
            new StatusCause("FieldValueInvalid", "template.kind",
                "Invalid value: \"bad_kind\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case " +
                "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character " +
                "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
    }

    private static IReadOnlyList<StatusCause> Validate(string fieldSchema, string value)
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json(
            """{"type":"object","properties":{"v":""" + fieldSchema + "}}"));
        return schema.Validate(new JsonObject { ["v"] = JsonNode.Parse(value) });
    }
}
