using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Status causes worded as apimachinery's <c>field.Error</c> words them.</summary>
[TestFixture]
public sealed class FieldCausesTests
{
    [Test]
    public void Invalid_WhenBadValueIsAnObject_PrintsJson()
    {
        FieldCauses.Invalid("f", JsonNode.Parse("""{"name":"x"}"""), "bad").Message.Should().Be("""Invalid value: {"name":"x"}: bad""");
    }

    [Test]
    public void Invalid_WhenBadValueIsAFloatNode_PrintsGoPercentV()
    {
        FieldCauses.Invalid("f", JsonNode.Parse("2.50"), "").Message.Should().Be("Invalid value: 2.5");
    }

    [TestCase("x\by", "Invalid value: \"x\\by\": bad")]
    [TestCase(5L, "Invalid value: 5: bad")]
    [TestCase(1e6, "Invalid value: 1e+06: bad")]
    [TestCase(true, "Invalid value: true: bad")]
    [TestCase(null, "Invalid value: null: bad")]
    public void Invalid_PrintsTheBadValueAsErrorBodyDoes(object? value, string expected)
    {
        FieldCauses.Invalid("f", value, "bad").Message.Should().Be(expected);
    }

    [Test]
    public void NotSupported_ListsTheSupportedValuesQuoted()
    {
        FieldCauses.NotSupported("f", "c", ["a", "b"]).Message.Should().Be("Unsupported value: \"c\": supported values: \"a\", \"b\"");
        FieldCauses.NotSupported("f", "c", []).Message.Should().Be("Unsupported value: \"c\"");
    }

    [Test]
    public void TooLong_UsesTheWordingOfItsLimit()
    {
        FieldCauses.TooLong("f", 1).Message.Should().Be("Too long: may not be more than 1 byte");
        FieldCauses.TooLong("f", 63).Message.Should().Be("Too long: may not be more than 63 bytes");
        FieldCauses.TooLongInTotal("f", 262144).Message.Should().Be("Too long: must have at most 262144 bytes");
    }
}
