using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Doubles formatted as Go formats a <c>float64</c>.</summary>
[TestFixture]
public sealed class GoFloatTextTests
{
    [TestCase(0d, "0")]
    [TestCase(-0d, "-0")]
    [TestCase(2.5, "2.5")]
    [TestCase(100000d, "100000")]
    [TestCase(1000000d, "1e+06")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(-1234567.5, "-1.2345675e+06")]
    [TestCase(1e100, "1e+100")]
    public void Format_WhenNumberIsPrinted_UsesGoPercentV(double value, string expected)
    {
        GoFloatText.Format(value).Should().Be(expected);
    }

    [TestCase(1d, "1")]
    [TestCase(-0d, "-0")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(1e21, "1e+21")]
    [TestCase(0.000001, "0.000001")]
    [TestCase(0.0000001, "1e-7")]
    [TestCase(1.5e-300, "1.5e-300")]
    [TestCase(0.5, "0.5")]
    public void FormatJson_WhenNumberIsEncoded_UsesGoEncodingJson(double value, string expected)
    {
        GoFloatText.FormatJson(value).Should().Be(expected);
    }
}
