using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Schema patterns keep Go RE2 semantics where .NET differs.</summary>
[TestFixture]
public sealed class GoRegexTests
{
    [TestCase("^[a-z]+$", "abc\n", false)]
    [TestCase("^[a-z]+$", "abc", true)]
    [TestCase("^\\d+$", "١٢٣", false)]
    [TestCase("^\\d+$", "123", true)]
    [TestCase("^[\\w.]+$", "ä", false)]
    [TestCase("^[[:alpha:]]+$", "Abc", true)]
    [TestCase("^[[:digit:]]+$", "Abc", false)]
    [TestCase("^(?P<word>[a-z]+)$", "abc", true)]
    [TestCase("^\\pL+$", "Grüße", true)]
    [TestCase("^\\Qa.b\\E$", "axb", false)]
    [TestCase("^[]a]+$", "]a", true)]
    public void Compile_WhenPatternIsMatched_BehavesLikeGo(string pattern, string input, bool matches)
    {
        GoRegex.Compile(pattern).IsMatch(input).Should().Be(matches);
    }

    [TestCase("(?=a)b")]
    [TestCase("(a)\\1")]
    [TestCase("[a-")]
    public void Compile_WhenRe2RejectsThePattern_ThrowsArgumentException(string pattern)
    {
        var compile = () => GoRegex.Compile(pattern);

        compile.Should().Throw<ArgumentException>().WithMessage($"pattern '{pattern}' is not a valid regular expression*");
    }
}
