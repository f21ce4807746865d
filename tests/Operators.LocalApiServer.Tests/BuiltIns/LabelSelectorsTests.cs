using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.BuiltIns;

public class LabelSelectorsTests
{
    private const string Selector = """
        {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["b","a"]},
         {"key":"legacy","operator":"DoesNotExist"}]}
        """;

    [TestCase("""{"app":"web","tier":"a"}""", true)]
    [TestCase("""{"app":"web","tier":"c"}""", false)]
    [TestCase("""{"app":"web","tier":"a","legacy":"1"}""", false)]
    [TestCase("""{"tier":"a"}""", false)]
    public void Matches_RequiresEveryRequirement(string labels, bool matches)
    {
        LabelSelectors.Matches(TestJson.Parse(Selector), TestJson.Parse(labels)).Should().Be(matches);
    }

    [Test]
    public void Format_SortsRequirementsByKey()
    {
        LabelSelectors.Format(TestJson.Parse(Selector)).Should().Be("app=web,!legacy,tier in (a,b)");
    }

    [Test]
    public void Validate_WithInWithoutValuesAndUnknownOperator_ReportsBoth()
    {
        var selector = TestJson.Parse("""{"matchExpressions":[{"key":"a","operator":"In"},{"key":"b","operator":"Near"}]}""");
        var causes = new List<StatusCause>();

        LabelSelectors.Validate(selector, "spec.selector", causes);

        causes.ReasonsAndFields().Should().Equal(
            ("FieldValueRequired", "spec.selector.matchExpressions[0].values"),
            ("FieldValueInvalid", "spec.selector.matchExpressions[1].operator"));
    }

    [Test]
    public void IsEmpty_ForSelectorWithoutRequirements_IsTrue()
    {
        LabelSelectors.IsEmpty(new JsonObject { ["matchLabels"] = new JsonObject() }).Should().BeTrue();
        LabelSelectors.IsEmpty(TestJson.Parse(Selector)).Should().BeFalse();
    }
}
