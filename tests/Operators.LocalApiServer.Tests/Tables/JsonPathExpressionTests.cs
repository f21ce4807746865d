using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class JsonPathExpressionTests
{
    private const string Document = """
        {
          "metadata": {"name": "bb091", "labels": {"topology.kubernetes.io/zone": "qa-de-1a", "app": "nova"}},
          "spec": {
            "replicas": 3,
            "paused": false,
            "weights": [0.5, 1.5, 2.5],
            "hosts": [{"name": "n1", "cpu": 4, "ready": true}, {"name": "n2", "cpu": 8, "ready": false}, {"name": "n3"}]
          },
          "status": {"conditions": [
            {"type": "Maintenance", "status": "True", "reason": "Entering"},
            {"type": "Ready", "status": "False", "reason": "InMaintenance"}
          ]}
        }
        """;

    [TestCase(".spec.replicas", "3")]
    [TestCase("{.spec.replicas}", "3")]
    [TestCase("$.spec.replicas", "3")]
    [TestCase(".spec.paused", "false")]
    [TestCase(".spec.missing", "")]
    [TestCase(".spec.replicas.deeper", "")]
    [TestCase(".metadata.labels['topology\\.kubernetes\\.io/zone']", "\"qa-de-1a\"")]
    [TestCase(".metadata.labels.topology\\.kubernetes\\.io/zone", "\"qa-de-1a\"")]
    [TestCase(".metadata['name', 'labels.app']", "\"bb091\" \"nova\"")]
    [TestCase(".metadata.labels.*", "\"qa-de-1a\" \"nova\"")]
    public void Evaluate_WithFields_FindsTheValues(string expression, string expected)
    {
        Evaluate(expression).Should().Be(expected);
    }

    [TestCase(".spec.hosts[*].name", "\"n1\" \"n2\" \"n3\"")]
    [TestCase(".spec.hosts[0].name", "\"n1\"")]
    [TestCase(".spec.hosts[-1].name", "\"n3\"")]
    [TestCase(".spec.hosts[-2].name", "\"n2\"")]
    [TestCase(".spec.hosts[1:].name", "\"n2\" \"n3\"")]
    [TestCase(".spec.hosts[:2].name", "\"n1\" \"n2\"")]
    [TestCase(".spec.hosts[-2:].name", "\"n2\" \"n3\"")]
    [TestCase(".spec.hosts[::2].name", "\"n1\" \"n3\"")]
    [TestCase(".spec.hosts[1:1].name", "")]
    [TestCase(".spec.hosts[0,2].name", "\"n1\" \"n3\"")]
    public void Evaluate_WithArrayIndexesAndSlices_SelectsTheElements(string expression, string expected)
    {
        Evaluate(expression).Should().Be(expected);
    }

    [TestCase(".status.conditions[?(@.type==\"Ready\")].status", "\"False\"")]
    [TestCase(".status.conditions[?(@.type=='Ready')].reason", "\"InMaintenance\"")]
    [TestCase(".status.conditions[?(@.type == \"Ready\")].status", "\"False\"")]
    [TestCase(".status.conditions[?(@.type!=\"Ready\")].reason", "\"Entering\"")]
    [TestCase(".status.conditions[?(@.type==\"Missing\")].status", "")]
    [TestCase(".spec.hosts[?(@.cpu>4)].name", "\"n2\"")]
    [TestCase(".spec.hosts[?(@.cpu<8)].name", "\"n1\"")]
    [TestCase(".spec.hosts[?(@.cpu>=4)].name", "\"n1\" \"n2\"")]
    [TestCase(".spec.hosts[?(@.cpu<=4)].name", "\"n1\"")]
    [TestCase(".spec.hosts[?(@.name>\"n1\")].name", "\"n2\" \"n3\"")]
    [TestCase(".spec.hosts[?(@.ready==true)].name", "\"n1\"")]
    [TestCase(".spec.weights[?(@>1.2)]", "1.5 2.5")]
    public void Evaluate_WithAComparisonFilter_SelectsTheMatchingElements(string expression, string expected)
    {
        Evaluate(expression).Should().Be(expected);
    }

    [Test]
    public void Evaluate_WithEqualityFilter_SelectsTheMatchingCondition()
    {
        var path = JsonPathExpression.Parse(".status.conditions[?(@.type==\"Ready\")]");

        var results = path.Evaluate(JsonNode.Parse(Document));

        results.Should().ContainSingle().Which!["reason"]!.GetValue<string>().Should().Be("InMaintenance");
    }

    [TestCase(".spec.hosts[?(@.cpu)].name", "\"n1\" \"n2\"")]
    [TestCase(".spec.hosts[?(@.missing)].name", "")]
    public void Evaluate_WithAnExistenceFilter_KeepsTheElementsHavingTheField(string expression, string expected)
    {
        Evaluate(expression).Should().Be(expected);
    }

    [Test]
    public void Evaluate_WithRecursiveDescent_FindsTheFieldAtAnyDepthInDocumentOrder()
    {
        Evaluate("..name").Should().Be("\"bb091\" \"n1\" \"n2\" \"n3\"");
    }

    [Test]
    public void Evaluate_WithBareRecursiveDescent_ListsContainersAndNonEmptyStringsButNoOtherScalars()
    {
        Evaluate("..", """{"a": {"b": "x", "c": 1, "d": ""}}""")
            .Should().Be("""{"a":{"b":"x","c":1,"d":""}} {"b":"x","c":1,"d":""} "x" """.TrimEnd());
    }

    [TestCase("{.metadata.name}/{.spec.replicas}!", "\"bb091\" \"/\" 3 \"!\"")]
    [TestCase("{.spec.replicas} {.spec.paused}", "3 \" \" false")]
    [TestCase("{\"{\"}", "\"{\"")]
    [TestCase("{'a\\tb'}", "\"a\\tb\"")]
    [TestCase("{\"\\x41\\101\\u0042\"}", "\"AAB\"")]
    public void Evaluate_WithATemplate_YieldsTheTextAndTheValuesOfEachAction(string expression, string expected)
    {
        Evaluate(expression).Should().Be(expected);
    }

    [TestCase(".spec.hosts[5].name")]
    [TestCase(".spec.hosts[-4].name")]
    [TestCase(".spec.hosts[2:1].name")]
    [TestCase(".spec.hosts[::0].name")]
    [TestCase(".spec[0]")]
    [TestCase(".spec[?(@.x)]")]
    [TestCase(".spec.hosts[?(@.cpu==\"4\")]")]
    [TestCase(".spec.hosts[?(@.cpu==4.0)]")]
    [TestCase(".spec.hosts[?(@.ready<true)]")]
    [TestCase(".spec.hosts[?(@.cpu<>4)]")]
    [TestCase("{hello}")]
    public void Evaluate_WhenTheExpressionDoesNotApply_Throws(string expression)
    {
        var path = JsonPathExpression.Parse(expression);

        var evaluate = () => path.Evaluate(JsonNode.Parse(Document));

        evaluate.Should().Throw<JsonPathEvaluationException>();
    }

    [Test]
    public void Evaluate_WhenAFilterOperandFindsSeveralValues_Throws()
    {
        var evaluate = () => Evaluate(".items[?(@.tags[*]==\"a\")]", """{"items": [{"tags": ["a", "b"]}]}""");

        evaluate.Should().Throw<JsonPathEvaluationException>();
    }

    [Test]
    public void Evaluate_OnAnEmptyArray_GivesNothingForAWildcardButFailsForAnIndex()
    {
        Evaluate(".items[*]", """{"items": []}""").Should().BeEmpty();
        var index = () => Evaluate(".items[0]", """{"items": []}""");
        index.Should().Throw<JsonPathEvaluationException>();
    }

    [TestCase(".spec[")]
    [TestCase(".spec[?(@.a==1")]
    [TestCase(".spec[?(@.a==\"x)]")]
    [TestCase(".spec[?(@.a==1)")]
    [TestCase("{.spec")]
    [TestCase(".spec[a]")]
    [TestCase(".spec[1.5]")]
    [TestCase(".spec[\"a\"]")]
    [TestCase("....x")]
    [TestCase(".a{b}")]
    [TestCase(".a\tb")]
    [TestCase("{\"abc}")]
    [TestCase("{\"\\q\"}")]
    [TestCase("{1.2.3}")]
    [TestCase("{-}")]
    [TestCase("{range .items[*]}{.name}{end}")]
    public void Parse_OfAMalformedExpression_ThrowsFormatException(string expression)
    {
        var parse = () => JsonPathExpression.Parse(expression);

        parse.Should().Throw<FormatException>();
    }

    [Test]
    public void ToString_IsTheExpressionAsWritten()
    {
        JsonPathExpression.Parse(".spec.replicas").ToString().Should().Be(".spec.replicas");
    }

    private static string Evaluate(string expression, string document = Document) =>
        string.Join(" ", JsonPathExpression.Parse(expression).Evaluate(JsonNode.Parse(document)).Select(TableTestJson.Text));
}
