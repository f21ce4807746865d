using FluentAssertions;
using k8s.Models;
using Operators.MaintenanceNotifier.Reconciliation;

namespace Operators.MaintenanceNotifier.Tests.Reconciliation;

public sealed class LabelSelectorMatcherTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["team"] = "a", ["zone"] = "qa-de-1a" };

    [Test]
    public void Matches_WithoutSelectorOrWithAnEmptyOne_Everything()
    {
        Match(null, Labels).Should().BeTrue();
        Match(new V1LabelSelector(), null).Should().BeTrue();
    }

    [Test]
    public void Matches_MatchLabels_RequiresEveryPair()
    {
        Match(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "a" } }, Labels).Should().BeTrue();
        Match(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "a", ["x"] = "y" } }, Labels).Should().BeFalse();
        Match(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "b" } }, Labels).Should().BeFalse();
    }

    [TestCase("In", new[] { "a", "b" }, true)]
    [TestCase("In", new[] { "b" }, false)]
    [TestCase("NotIn", new[] { "b" }, true)]
    [TestCase("NotIn", new[] { "a" }, false)]
    [TestCase("Exists", new string[0], true)]
    [TestCase("DoesNotExist", new string[0], false)]
    public void Matches_MatchExpressions_OnAPresentKey(string op, string[] values, bool expected)
    {
        Match(Expression("team", op, values), Labels).Should().Be(expected);
    }

    [TestCase("NotIn", new[] { "a" }, true)]
    [TestCase("DoesNotExist", new string[0], true)]
    [TestCase("In", new[] { "a" }, false)]
    [TestCase("Exists", new string[0], false)]
    public void Matches_MatchExpressions_OnAnAbsentKey(string op, string[] values, bool expected)
    {
        Match(Expression("missing", op, values), Labels).Should().Be(expected);
    }

    [TestCase("In", new string[0], "values must not be empty")]
    [TestCase("Exists", new[] { "a" }, "values must be empty")]
    [TestCase("Equals", new[] { "a" }, "operator must be")]
    public void TryCreate_RejectsInvalidRequirements_NamingTheField(string op, string[] values, string problem)
    {
        LabelSelectorMatcher.TryCreate(Expression("team", op, values), out _, out var error).Should().BeFalse();

        error.Should().StartWith("spec.buildingBlockSelector.matchExpressions[0]: ").And.Contain(problem);
    }

    private static V1LabelSelector Expression(string key, string op, string[] values) =>
        new() { MatchExpressions = [new V1LabelSelectorRequirement { Key = key, OperatorProperty = op, Values = values }] };

    private static bool Match(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        LabelSelectorMatcher.TryCreate(selector, out var matcher, out var error).Should().BeTrue(error);
        return matcher.Matches(labels);
    }
}
