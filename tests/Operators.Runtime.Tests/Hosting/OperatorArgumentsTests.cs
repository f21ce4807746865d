using FluentAssertions;
using Operators.Runtime.Hosting;

namespace Operators.Runtime.Tests.Hosting;

public sealed class OperatorArgumentsTests
{
    [TestCase(new[] { "--leader-elect" }, new[] { "--leader-elect=true" })]
    [TestCase(new[] { "--leader-elect", "--namespace", "x" }, new[] { "--leader-elect=true", "--namespace", "x" })]
    [TestCase(new[] { "--leader-elect", "false" }, new[] { "--leader-elect", "false" })]
    [TestCase(new[] { "--leader-elect=false", "--namespace", "x" }, new[] { "--leader-elect=false", "--namespace", "x" })]
    [TestCase(new[] { "--namespace", "x" }, new[] { "--namespace", "x" })]
    public void Normalize_GivesBareBooleanFlagsAnExplicitTrue(string[] args, string[] expected) =>
        OperatorArguments.Normalize(args).Should().Equal(expected);
}
