using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>The defaults kube-apiserver fills into a CRD.</summary>
[TestFixture]
public sealed class CustomResourceDefinitionDefaulterTests
{
    [Test]
    public void Apply_WhenNamesOmitSingularAndListKind_DerivesThemFromKind()
    {
        var crd = JsonNode.Parse("""{"spec":{"names":{"plural":"novaagents","kind":"NovaAgent"}}}""")!.AsObject();

        CustomResourceDefinitionDefaulter.Apply(crd);

        crd["spec"]!["names"]!["singular"]!.GetValue<string>().Should().Be("novaagent");
        crd["spec"]!["names"]!["listKind"]!.GetValue<string>().Should().Be("NovaAgentList");
        crd["spec"]!["conversion"]!.ToJsonString().Should().Be("""{"strategy":"None"}""");
    }

    [Test]
    public void Apply_WhenValuesAreGiven_KeepsThem()
    {
        var crd = JsonNode.Parse("""
            {"spec":{"names":{"kind":"A","singular":"s","listKind":"L"},"conversion":{"strategy":"Webhook"}}}
            """)!.AsObject();

        CustomResourceDefinitionDefaulter.Apply(crd);

        crd.ToJsonString().Should().Be("""{"spec":{"names":{"kind":"A","singular":"s","listKind":"L"},"conversion":{"strategy":"Webhook"}}}""");
    }
}
