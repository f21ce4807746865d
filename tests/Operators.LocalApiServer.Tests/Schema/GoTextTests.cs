using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Values rendered the way Go renders them in kube-apiserver messages.</summary>
[TestFixture]
public sealed class GoTextTests
{
    [TestCase("plain", "\"plain\"")]
    [TestCase("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [TestCase("tab\tnew\nline", "\"tab\\tnew\\nline\"")]
    [TestCase("bell\u0007del\u007f", "\"bell\\adel\\x7f\"")]
    [TestCase("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    [TestCase("grüße ✓", "\"grüße ✓\"")]
    public void Quote_WhenStringHasSpecialCharacters_EscapesLikeGo(string text, string expected)
    {
        GoText.Quote(text).Should().Be(expected);
    }

    [TestCase(0d, "0")]
    [TestCase(2.5, "2.5")]
    [TestCase(100000d, "100000")]
    [TestCase(1000000d, "1e+06")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(-1234567.5, "-1.2345675e+06")]
    public void FormatV_WhenNumberIsPrinted_UsesGoPercentV(double value, string expected)
    {
        GoFloat.FormatV(value).Should().Be(expected);
    }

    [TestCase(1d, "1")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(1e21, "1e+21")]
    [TestCase(0.0000001, "1e-7")]
    [TestCase(0.5, "0.5")]
    public void FormatJson_WhenNumberIsEncoded_UsesGoEncodingJson(double value, string expected)
    {
        GoFloat.FormatJson(value).Should().Be(expected);
    }

    [TestCase("""{"b":1,"a":"<&>"}""", """{"a":"\u003c\u0026\u003e","b":1}""")]
    [TestCase("""[1.0,2.50,1e2,null,true]""", "[1,2.5,100,null,true]")]
    public void Json_WhenValueIsMarshalled_SortsKeysAndEscapesHtml(string json, string expected)
    {
        GoText.Json(JsonNode.Parse(json)).Should().Be(expected);
    }

    [Test]
    public void Value_WhenBadValueIsAnObject_PrintsJson()
    {
        GoText.Value(JsonNode.Parse("""{"name":"x"}""")).Should().Be("""{"name":"x"}""");
    }

    [Test]
    public void Value_WhenBadValueIsAFloatNode_PrintsGoPercentV()
    {
        GoText.Value(JsonNode.Parse("2.50")).Should().Be("2.5");
    }
}
