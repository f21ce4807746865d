using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Patching;

namespace Operators.LocalApiServer.Tests.Patching;

public class GoPrinterTests
{
    [TestCase("{'b':[1,'x',null],'a':{'d':true,'c':1.5}}", "map[a:map[c:1.5 d:true] b:[1 x <nil>]]")]
    [TestCase("[]", "[]")]
    [TestCase("123456.0", "123456")]
    [TestCase("1234567.0", "1.234567e+06")]
    [TestCase("0.0001", "0.0001")]
    [TestCase("0.00001", "1e-05")]
    [TestCase("-2.5e30", "-2.5e+30")]
    [TestCase("9007199254740993", "9007199254740993")]
    public void Value_PrintsLikeGoPercentV(string json, string expected)
    {
        GoPrinter.Value(Json.Parse(json)).Should().Be(expected);
    }

    [TestCase("'delete'", "delete")]
    [TestCase("2", "%!s(int64=2)")]
    [TestCase("null", "%!s(<nil>)")]
    public void AsString_PrintsLikeGoPercentS(string json, string expected)
    {
        GoPrinter.AsString(Json.Parse(json)).Should().Be(expected);
    }

    [TestCase("1", "1", true)]
    [TestCase("1", "1.0", false)]
    [TestCase("'1'", "1", false)]
    [TestCase("null", "null", true)]
    [TestCase("{}", "{}", false)]
    public void AreEqual_ComparesLikeGo(string left, string right, bool equal)
    {
        GoDecodedJson.AreEqual(Json.Parse(left), Json.Parse(right)).Should().Be(equal);
    }
}
