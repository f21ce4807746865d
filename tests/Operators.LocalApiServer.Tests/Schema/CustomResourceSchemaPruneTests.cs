using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Operators.LocalApiServer.Schema;

namespace Operators.LocalApiServer.Tests.Schema;

/// <summary>Pruning of unknown fields and the paths reported for them (crd-pruning, field-validation).</summary>
[TestFixture]
public sealed class CustomResourceSchemaPruneTests
{
    [Test]
    public void Prune_WhenFieldsAreUnknown_RemovesThemAndReturnsSortedPaths()
    {
        var resource = BuildingBlockFixture.Json("""
            {"apiVersion":"conformance.operators.dev/v1alpha1","kind":"BbPruning","metadata":{"name":"p1"},
             "spec":{"availabilityZone":"qa-de-1a",
                     "agentTemplate":{"image":"x","color":"red","extra":{"anything":{"goes":[1,2]}}},
                     "hosts":[{"name":"h1","rack":"r7"}]},
             "topLevel":"x","spec2":{"a":1}}
            """);

        var pruned = BuildingBlockFixture.Schema().Prune(resource);

        pruned.Should().Equal("spec.agentTemplate.color", "spec.hosts[0].rack", "spec2", "topLevel");
        JsonNode.DeepEquals(resource, BuildingBlockFixture.Json("""
            {"apiVersion":"conformance.operators.dev/v1alpha1","kind":"BbPruning","metadata":{"name":"p1"},
             "spec":{"availabilityZone":"qa-de-1a",
                     "agentTemplate":{"image":"x","extra":{"anything":{"goes":[1,2]}}},
                     "hosts":[{"name":"h1"}]}}
            """)).Should().BeTrue(resource.ToJsonString());
    }

    [Test]
    public void Prune_WhenStrictFieldValidationWouldFail_ReportsTheNestedPath()
    {
        var resource = BuildingBlockFixture.Resource("""{"availabilityZone":"qa-de-1a","agentTemplate":{"image":"x","colour":"red"}}""");

        BuildingBlockFixture.Schema().Prune(resource).Should().Equal("spec.agentTemplate.colour");
    }

    [Test]
    public void Prune_WhenStatusHasUnknownField_RemovesIt()
    {
        var resource = BuildingBlockFixture.Json("""{"status":{"readyAgents":1,"bogus":true}}""");

        BuildingBlockFixture.Schema().Prune(resource).Should().Equal("status.bogus");
        resource.ToJsonString().Should().Be("""{"status":{"readyAgents":1}}""");
    }

    [Test]
    public void Prune_WhenMetadataHasUnknownFields_LeavesMetadataAlone()
    {
        var resource = BuildingBlockFixture.Json("""{"apiVersion":"v","kind":"K","metadata":{"name":"a","bogus":1}}""");

        BuildingBlockFixture.Schema().Prune(resource).Should().BeEmpty();
        resource["metadata"]!["bogus"]!.GetValue<int>().Should().Be(1);
    }

    [Test]
    public void Prune_WhenMapValuesHaveASchema_PrunesInsideEachValue()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"selectors":{"type":"object",
              "additionalProperties":{"type":"object","properties":{"app":{"type":"string"}}}}}}
            """));
        var resource = BuildingBlockFixture.Json("""{"selectors":{"web":{"app":"a","tier":"b"}}}""");

        schema.Prune(resource).Should().Equal("selectors.web.tier");
        resource.ToJsonString().Should().Be("""{"selectors":{"web":{"app":"a"}}}""");
    }

    [Test]
    public void Prune_WhenPreservedObjectDeclaresProperties_StillPrunesInsideThem()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"config":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
              "properties":{"known":{"type":"object","properties":{"a":{"type":"string"}}}}}}}
            """));
        var resource = BuildingBlockFixture.Json("""{"config":{"free":{"x":1},"known":{"a":"1","b":"2"}}}""");

        schema.Prune(resource).Should().Equal("config.known.b");
        resource.ToJsonString().Should().Be("""{"config":{"free":{"x":1},"known":{"a":"1"}}}""");
    }

    [Test]
    public void Prune_WhenObjectIsAnEmbeddedResource_KeepsItsApiVersionKindAndMetadata()
    {
        var schema = CustomResourceSchema.Create(BuildingBlockFixture.Json("""
            {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,
              "properties":{"spec":{"type":"object"}}}}}
            """));
        var resource = BuildingBlockFixture.Json("""{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{},"other":1}}""");

        schema.Prune(resource).Should().Equal("template.other");
        resource["template"]!.AsObject().Select(p => p.Key).Should().Equal("apiVersion", "kind", "metadata", "spec");
    }

    [Test]
    public void Prune_WhenArrayItemsAreObjects_ReportsIndexedPaths()
    {
        var resource = BuildingBlockFixture.Resource("""{"hosts":[{"name":"a"},{"name":"b","x":1,"y":2}]}""");

        BuildingBlockFixture.Schema().Prune(resource).Should().Equal("spec.hosts[1].x", "spec.hosts[1].y");
    }
}
