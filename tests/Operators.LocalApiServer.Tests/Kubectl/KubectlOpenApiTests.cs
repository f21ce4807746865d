using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Kubectl;

/// <summary>What kubectl does with the server's OpenAPI v3 documents: server-side field validation and explain.</summary>
public sealed class KubectlOpenApiTests : CustomResourceFixture
{
    [Test]
    public async Task Apply_CustomResourceWithUnknownField_IsRejectedByStrictFieldValidation()
    {
        var manifest = TestManifests.BuildingBlock("odd", "az-one").Replace("  availabilityZone:", "  colour: blue\n  availabilityZone:", StringComparison.Ordinal);

        var applied = (await ApplyAsync(manifest, "-v=6")).ShouldFail();

        applied.StdErr.Should().Contain("fieldValidation=Strict")
            .And.Contain("strict decoding error: unknown field \"spec.colour\"");
    }

    [Test]
    public async Task Apply_ConfigMapWithUnknownField_IsRejectedByStrictFieldValidation()
    {
        const string Manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: odd
            colour: blue
            """;

        var applied = (await ApplyAsync(Manifest)).ShouldFail();

        applied.StdErr.Should().Contain("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"colour\"");
    }

    [Test]
    public async Task Explain_CustomResource_DescribesTheSchemaFromTheCrd()
    {
        var explained = (await Kubectl.RunAsync("explain", TestManifests.ShortName + ".spec")).ShouldSucceed().StdOut;

        explained.Should().MatchRegex(@"KIND:\s+BuildingBlock")
            .And.MatchRegex(@"availabilityZone\s+<string> -required-")
            .And.MatchRegex(@"agentTemplate\s+<Object> -required-")
            .And.MatchRegex(@"replicas\s+<integer>");
    }

    [Test]
    public async Task Explain_AfterTheCrdGainsAField_ShowsTheNewField()
    {
        (await Kubectl.RunAsync("explain", TestManifests.ShortName + ".spec")).ShouldSucceed().StdOut.Should().NotContain("maintenance");
        var lines = TestManifests.CustomResourceDefinition.Split('\n').ToList();
        var at = lines.FindIndex(line => line.Trim() == "replicas:");
        var indent = lines[at][..^"replicas:".Length];
        lines.InsertRange(at, [indent + "maintenance:", indent + "  type: string"]);
        var extended = string.Join('\n', lines);

        (await Kubectl.RunAsync("apply", "-f", WriteManifest(extended))).ShouldSucceed().StdOut.Should().Contain("configured");

        var explained = (await Kubectl.RunAsync("explain", TestManifests.ShortName + ".spec")).ShouldSucceed().StdOut;
        explained.Should().MatchRegex(@"maintenance\s+<string>");
    }
}
