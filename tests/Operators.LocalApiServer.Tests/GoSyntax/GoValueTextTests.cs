using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;
using Operators.LocalApiServer.Tests.Patching;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Decoded JSON printed as Go's <c>fmt</c> prints an <c>interface{}</c>.</summary>
[TestFixture]
public sealed class GoValueTextTests
{
    [TestCase("{'b':[1,'x',null],'a':{'d':true,'c':1.5}}", "map[a:map[c:1.5 d:true] b:[1 x <nil>]]")]
    [TestCase("[]", "[]")]
    [TestCase("123456.0", "123456")]
    [TestCase("1234567.0", "1.234567e+06")]
    [TestCase("0.0001", "0.0001")]
    [TestCase("0.00001", "1e-05")]
    [TestCase("-2.5e30", "-2.5e+30")]
    [TestCase("-0.0", "-0")]
    [TestCase("9007199254740993", "9007199254740993")]
    public void Value_PrintsLikeGoPercentV(string json, string expected)
    {
        GoValueText.Value(Json.Parse(json)).Should().Be(expected);
    }

    [TestCase("'delete'", "delete")]
    [TestCase("2", "%!s(int64=2)")]
    [TestCase("{'a':1}", "%!s(map[string]interface {}=map[a:1])")]
    [TestCase("null", "%!s(<nil>)")]
    public void AsString_PrintsLikeGoPercentS(string json, string expected)
    {
        GoValueText.AsString(Json.Parse(json)).Should().Be(expected);
    }

    [Test]
    public void Slices_PrintsLikeGoSprintOfSlices()
    {
        GoValueText.Slices([Json.Parse("'a'"), Json.Parse("1")], [Json.Parse("{'k':'v'}")]).Should().Be("[[a 1] [map[k:v]]]");
    }
}
