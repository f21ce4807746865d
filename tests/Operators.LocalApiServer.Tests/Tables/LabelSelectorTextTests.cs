using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Tests.Tables;

public class LabelSelectorTextTests
{
    [TestCase("null", "")]
    [TestCase("{}", "")]
    [TestCase("""{"matchLabels": {"b": "2", "a": "1"}}""", "a=1,b=2")]
    [TestCase("""{"matchExpressions": [{"key": "env", "operator": "In", "values": ["prod", "dev"]}]}""", "env in (dev,prod)")]
    [TestCase("""{"matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["dev"]}]}""", "env notin (dev)")]
    [TestCase("""{"matchExpressions": [{"key": "canary", "operator": "Exists"}]}""", "canary")]
    [TestCase("""{"matchExpressions": [{"key": "legacy", "operator": "DoesNotExist", "values": []}]}""", "!legacy")]
    [TestCase("""{"matchLabels": {"tier": "db"}, "matchExpressions": [{"key": "env", "operator": "In", "values": ["prod"]}, {"key": "zone", "operator": "Exists"}]}""", "env in (prod),tier=db,zone")]
    public void Format_WritesTheRequirementsSortedByKey(string selector, string expected)
    {
        LabelSelectorText.Format(JsonNode.Parse(selector)).Should().Be(expected);
    }

    [TestCase("""{"matchExpressions": [{"key": "env", "operator": "Matches", "values": ["x"]}]}""")]
    [TestCase("""{"matchExpressions": [{"key": "env", "operator": "In", "values": []}]}""")]
    [TestCase("""{"matchExpressions": [{"key": "env", "operator": "Exists", "values": ["x"]}]}""")]
    public void Format_OfAnUnusableExpression_IsInvalid(string selector)
    {
        LabelSelectorText.Format(JsonNode.Parse(selector)).Should().Be("<invalid>");
    }
}
