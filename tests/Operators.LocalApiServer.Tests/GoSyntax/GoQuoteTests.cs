using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.GoSyntax;

namespace Operators.LocalApiServer.Tests.GoSyntax;

/// <summary>Strings quoted as Go's <c>strconv.Quote</c> quotes them.</summary>
[TestFixture]
public sealed class GoQuoteTests
{
    [TestCase("plain", "\"plain\"")]
    [TestCase("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [TestCase("tab\tnew\nline", "\"tab\\tnew\\nline\"")]
    [TestCase("bell\u0007del\u007f", "\"bell\\adel\\x7f\"")]
    [TestCase("back\bspace\u000bvt\ffeed", "\"back\\bspace\\vvt\\ffeed\"")]
    [TestCase("c1\u0085nbsp\u00a0", "\"c1\\u0085nbsp\\u00a0\"")]
    [TestCase("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    [TestCase("private\U000F0000", "\"private\\U000f0000\"")]
    [TestCase("grüße ✓ 😀", "\"grüße ✓ 😀\"")]
    public void Quote_WhenStringHasSpecialCharacters_EscapesLikeGo(string text, string expected)
    {
        GoQuote.Quote(text).Should().Be(expected);
    }

    [Test]
    public void StringSlice_PrintsLikeGoSharpV()
    {
        GoLiteral.StringSlice(["a", "b\"c"]).Should().Be("[]string{\"a\", \"b\\\"c\"}");
    }

    [Test]
    public void StringMap_PrintsLikeGoSharpVWithSortedKeys()
    {
        GoLiteral.StringMap(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" })
            .Should().Be("map[string]string{\"a\":\"1\", \"b\":\"2\"}");
    }
}
