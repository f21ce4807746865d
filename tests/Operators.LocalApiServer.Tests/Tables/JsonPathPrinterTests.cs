using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class JsonPathPrinterTests
{
    [TestCase("null", "<no value>")]
    [TestCase("\"qa-de-1a\"", "qa-de-1a")]
    [TestCase("\"\"", "")]
    [TestCase("true", "true")]
    [TestCase("false", "false")]
    [TestCase("42", "42")]
    [TestCase("-7", "-7")]
    [TestCase("9223372036854775807", "9223372036854775807")]
    public void Print_OfAScalar_IsHowGoPrintsIt(string json, string expected)
    {
        JsonPathPrinter.Print(JsonNode.Parse(json)).Should().Be(expected);
    }

    [TestCase("1.5", "1.5")]
    [TestCase("1.0", "1")]
    [TestCase("-2.25", "-2.25")]
    [TestCase("123456.0", "123456")]
    [TestCase("1e6", "1e+06")]
    [TestCase("1234567.5", "1.2345675e+06")]
    [TestCase("0.0001", "0.0001")]
    [TestCase("0.00001", "1e-05")]
    [TestCase("1.5e300", "1.5e+300")]
    [TestCase("9223372036854775808", "9.223372036854776e+18")]
    public void Print_OfAFloat_UsesGosShortestFormWithAnExponentFromAMillionOn(string json, string expected)
    {
        JsonPathPrinter.Print(JsonNode.Parse(json)).Should().Be(expected);
    }

    [TestCase("""{"b": 2, "a": "x"}""", """{"a":"x","b":2}""")]
    [TestCase("""[1, 2.5, null, true, "s"]""", """[1,2.5,null,true,"s"]""")]
    [TestCase("""{"html": "<a&b>"}""", """{"html":"\u003ca\u0026b\u003e"}""")]
    [TestCase("""["tab\there", "quote\"", "back\\slash", "\u0001"]""", """["tab\there","quote\"","back\\slash","\u0001"]""")]
    [TestCase("""[1e21, 1e20, 0.000001, 0.0000001, 1.0]""", """[1e+21,100000000000000000000,0.000001,1e-7,1]""")]
    [TestCase("""{"nested": {"z": [], "y": {}}}""", """{"nested":{"y":{},"z":[]}}""")]
    public void Print_OfAnObjectOrArray_IsCompactJsonAsGoMarshalsIt(string json, string expected)
    {
        JsonPathPrinter.Print(JsonNode.Parse(json)).Should().Be(expected);
    }

    [Test]
    public void Print_OfALineSeparator_EscapesIt()
    {
        JsonPathPrinter.Print(new JsonArray("a\u2028b")).Should().Be("[\"a\\u2028b\"]");
    }
}
