using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests;

public sealed class YamlWriterTests
{
    private static readonly Type[] Resources =
        [typeof(V1Widget), typeof(V1Alpha1BuildingBlock), typeof(V1Alpha1NovaAgent), typeof(V1Alpha1MaintenanceNotifier)];

    [TestCase("plain text", "plain text")]
    [TestCase("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    [TestCase(".status.conditions[?(@.type==\"Ready\")].status", ".status.conditions[?(@.type==\"Ready\")].status")]
    [TestCase("nova's compute_driver.", "nova's compute_driver.")]
    [TestCase("True", "'True'")]
    [TestCase("no", "'no'")]
    [TestCase("Off", "'Off'")]
    [TestCase("~", "'~'")]
    [TestCase("", "''")]
    [TestCase("300", "'300'")]
    [TestCase("1.5", "'1.5'")]
    [TestCase(".5", "'.5'")]
    [TestCase("0x1F", "'0x1F'")]
    [TestCase("-1", "'-1'")]
    [TestCase(".inf", "'.inf'")]
    [TestCase("a: b", "'a: b'")]
    [TestCase("ends with:", "'ends with:'")]
    [TestCase("x #comment", "'x #comment'")]
    [TestCase("#x", "'#x'")]
    [TestCase("- item", "'- item'")]
    [TestCase("*alias", "'*alias'")]
    [TestCase("{{ .Values }}", "'{{ .Values }}'")]
    [TestCase(" padded", "' padded'")]
    [TestCase("it's: here", "'it''s: here'")]
    [TestCase("two\nlines", "\"two\\nlines\"")]
    [TestCase("tab\there", "\"tab\\there\"")]
    public void QuoteIfNeeded_QuotesExactlyWhatYamlWouldReadAsSomethingElse(string text, string expected)
    {
        var written = YamlWriter.QuoteIfNeeded(text);

        written.Should().Be(expected);
        YamlToJson.Document("key: " + written)["key"]!.GetValue<string>().Should().Be(text);
    }

    [TestCaseSource(nameof(Resources))]
    public void ToYaml_ReadsBackAsTheSameJson(Type resource)
    {
        var crd = CustomResourceDefinitions.Generate(resource);

        var read = YamlToJson.Document(CustomResourceDefinitions.ToYaml(crd));

        JsonAssert.Equal(read, JsonAssert.ToJson(crd).ToJsonString());
    }

    [Test]
    public void Write_PutsSequencesAtTheirKeysIndentAndEmptyCollectionsInline()
    {
        var yaml = YamlWriter.Write(JsonNode.Parse("""
            {"a":{"b":[1,{"c":"d","e":[]},[true,false]],"f":{}},"g":"h"}
            """)!.AsObject());

        yaml.Should().Be("""
            a:
              b:
              - 1
              - c: d
                e: []
              -
                - true
                - false
              f: {}
            g: h

            """);
    }
}
