using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.LocalRun;

namespace Operators.EndToEnd.Tests.LocalRun;

public class YamlManifestsTests
{
    [Test]
    public void Parse_OfSeveralDocuments_ReturnsOneObjectEachAndSkipsEmptyOnes()
    {
        var yaml = """
            # comment only
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: b
            ---
            """;

        var documents = YamlManifests.Parse(yaml, "test.yaml");

        documents.Select(d => d["metadata"]!["name"]!.GetValue<string>()).Should().Equal("a", "b");
    }

    [Test]
    public void Parse_OfPlainScalars_FollowsTheCoreSchema()
    {
        var yaml = """
            count: 300
            negative: -2
            ratio: 4.0
            enabled: true
            disabled: False
            nothing: null
            tilde: ~
            empty:
            word: qa-de-1a
            version: 1.2.3
            """;

        var obj = YamlManifests.Parse(yaml, "test.yaml").Single();

        obj.ToJsonString().Should().Be(
            """{"count":300,"negative":-2,"ratio":4,"enabled":true,"disabled":false,"nothing":null,"tilde":null,"empty":null,"word":"qa-de-1a","version":"1.2.3"}""");
    }

    [Test]
    public void Parse_OfQuotedTaggedAndBlockScalars_KeepsThemStrings()
    {
        var yaml = """
            quoted: "300"
            single: 'true'
            tagged: !!str 42
            block: |
              [DEFAULT]
              cpu_allocation_ratio = 4.0
            after: x
            """;

        var obj = YamlManifests.Parse(yaml, "test.yaml").Single();

        obj["quoted"]!.GetValue<string>().Should().Be("300");
        obj["single"]!.GetValue<string>().Should().Be("true");
        obj["tagged"]!.GetValue<string>().Should().Be("42");
        obj["block"]!.GetValue<string>().Should().Be("[DEFAULT]\ncpu_allocation_ratio = 4.0\n");
    }

    [Test]
    public void Parse_OfFlowSequencesAndMappings_KeepsTheirStructure()
    {
        var obj = YamlManifests.Parse("events: [Entered, Left]\nretry: {maxAttempts: 8}", "test.yaml").Single();

        obj["events"].Should().BeOfType<JsonArray>().Which.Select(e => e!.GetValue<string>()).Should().Equal("Entered", "Left");
        obj["retry"]!["maxAttempts"]!.GetValue<long>().Should().Be(8);
    }

    [Test]
    public void Parse_OfInvalidYaml_FailsWithTheSourceAndLine()
    {
        var parse = () => YamlManifests.Parse("a: [1, 2\nb: c", "broken.yaml");
        var unclosedQuote = () => YamlManifests.Parse("a: \"open\nb: c", "broken.yaml");
        var badIndent = () => YamlManifests.Parse("a:\n  b: 1\n c: 2", "broken.yaml");

        parse.Should().Throw<LaunchException>().WithMessage("broken.yaml is not valid YAML*");
        unclosedQuote.Should().Throw<LaunchException>().WithMessage("broken.yaml is not valid YAML (line *");
        badIndent.Should().Throw<LaunchException>().WithMessage("broken.yaml is not valid YAML (line *");
    }

    [Test]
    public void Parse_OfADocumentThatIsNotAMapping_Fails()
    {
        var parse = () => YamlManifests.Parse("- a\n- b", "list.yaml");

        parse.Should().Throw<LaunchException>().WithMessage("list.yaml: document 1 is not a mapping*");
    }
}
