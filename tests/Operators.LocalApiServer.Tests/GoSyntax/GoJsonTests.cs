using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Decoded JSON classified, named and marshalled as kube-apiserver's Go code does.</summary>
[TestFixture]
public sealed class GoJsonTests
{
    [TestCase("null", "Null")]
    [TestCase("{}", "Object")]
    [TestCase("[]", "Array")]
    [TestCase("\"1\"", "String")]
    [TestCase("false", "Bool")]
    [TestCase("-0", "Int")]
    [TestCase("9223372036854775807", "Int")]
    [TestCase("9223372036854775808", "Float")]
    [TestCase("1.0", "Float")]
    [TestCase("1e2", "Float")]
    public void KindOf_TellsIntegersFromFloatsByTheirText(string json, string expected)
    {
        GoJson.KindOf(JsonNode.Parse(json)).ToString().Should().Be(expected);
    }

    [Test]
    public void FloatNode_WhenValueIsWhole_StaysAFloat()
    {
        GoJson.KindOf(GoJson.FloatNode(1d)).Should().Be(GoJsonKind.Float);
    }

    [TestCase("{}", "object")]
    [TestCase("[]", "array")]
    [TestCase("\"x\"", "string")]
    [TestCase("1.5", "number")]
    [TestCase("true", "bool")]
    public void DecoderWord_NamesTheValueAsEncodingJsonDoes(string json, string expected)
    {
        GoTypeNames.DecoderWord(JsonNode.Parse(json)!).Should().Be(expected);
    }

    [TestCase("""{"b":1,"a":"<&>"}""", """{"a":"\u003c\u0026\u003e","b":1}""")]
    [TestCase("""[1.0,2.50,1e2,null,true]""", "[1,2.5,100,null,true]")]
    [TestCase("\"tab\\tcontrol\\u0001line\\u2028é\"", "\"tab\\tcontrol\\u0001line\\u2028é\"")]
    public void Marshal_WhenValueIsMarshalled_SortsKeysAndEscapesHtml(string json, string expected)
    {
        GoJsonText.Marshal(JsonNode.Parse(json)).Should().Be(expected);
    }
}
