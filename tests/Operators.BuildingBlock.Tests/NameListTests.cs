using FluentAssertions;

namespace Operators.BuildingBlock.Tests;

public sealed class NameListTests
{
    [TestCase(0, "")]
    [TestCase(1, "n1")]
    [TestCase(10, "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10")]
    [TestCase(12, "n1, n2, n3, n4, n5, n6, n7, n8, n9, n10 and 2 more")]
    public void Format_ListsTenNamesAndCountsTheRest(int count, string expected)
    {
        NameList.Format([.. Enumerable.Range(1, count).Select(i => $"n{i}")]).Should().Be(expected);
    }

    [Test]
    public void Bound_CutsALongMessageToTheLimit()
    {
        var bounded = NameList.Bound(new string('x', 10_000));

        bounded.Should().HaveLength(NameList.MaxMessageLength).And.EndWith(" …");
        NameList.Bound("short").Should().Be("short");
    }
}
