using System.Text.Json.Serialization;
using FluentAssertions;
using k8s;
using k8s.Models;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests;

public sealed class CustomResourceDefinitionTests
{
    [Test]
    public void Generate_TakesNamesFromKubernetesEntityAndCustomResourceNames()
    {
        var crd = CustomResourceDefinitions.Generate(typeof(V1Widget));

        crd.ApiVersion.Should().Be("apiextensions.k8s.io/v1");
        crd.Kind.Should().Be("CustomResourceDefinition");
        crd.Metadata.Name.Should().Be("widgets.test.operators.dev");
        crd.Spec.Group.Should().Be("test.operators.dev");
        crd.Spec.Scope.Should().Be("Namespaced");
        crd.Spec.Names.Kind.Should().Be("Widget");
        crd.Spec.Names.ListKind.Should().Be("WidgetList");
        crd.Spec.Names.Plural.Should().Be("widgets");
        crd.Spec.Names.Singular.Should().Be("widget");
        crd.Spec.Names.ShortNames.Should().Equal("wd", "wdg");
        crd.Spec.Names.Categories.Should().Equal("tests", "all");
    }

    [Test]
    public void Generate_ServesAndStoresOneVersionWithTheStatusSubresource()
    {
        var version = CustomResourceDefinitions.Generate(typeof(V1Widget)).Spec.Versions.Should().ContainSingle().Subject;

        version.Name.Should().Be("v1beta2");
        version.Served.Should().BeTrue();
        version.Storage.Should().BeTrue();
        JsonAssert.Equal(JsonAssert.ToJson(CustomResourceDefinitions.Generate(typeof(V1Widget)))["spec"]!["versions"]![0]!["subresources"], """{"status":{}}""");
    }

    [Test]
    public void Generate_ForATypeWithoutStatus_HasNoSubresourcesAndNoOptionalNames()
    {
        var crd = CustomResourceDefinitions.Generate(typeof(V1Gadget));

        crd.Spec.Versions[0].Subresources.Should().BeNull();
        crd.Spec.Versions[0].AdditionalPrinterColumns.Should().BeNull();
        crd.Spec.Names.ShortNames.Should().BeNull();
        crd.Spec.Names.Categories.Should().BeNull();
    }

    [Test]
    public void Generate_WritesPrinterColumnsInDeclarationOrder()
    {
        var columns = CustomResourceDefinitions.Generate(typeof(V1Widget)).Spec.Versions[0].AdditionalPrinterColumns;

        columns.Select(c => (c.Name, c.JsonPath, c.Type, c.Priority, (string?)c.Description)).Should().Equal(
            ("Size", ".spec.size", "integer", null, null),
            ("Color", ".spec.color", "string", null, "The widget's color."),
            ("Age", ".metadata.creationTimestamp", "date", null, null),
            ("Shape", ".spec.shape", "string", 1, null));
    }

    [Test]
    public void ToYaml_IsTheSameForEveryGeneration()
    {
        var first = CustomResourceDefinitions.ToYaml(CustomResourceDefinitions.Generate(typeof(V1Widget)));
        var second = CustomResourceDefinitions.ToYaml(CustomResourceDefinitions.Generate(typeof(V1Widget)));

        second.Should().Be(first);
    }

    [Test]
    public void Generate_ReturnsIndependentObjects()
    {
        var first = CustomResourceDefinitions.Generate(typeof(V1Widget));
        first.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].Properties["size"].Maximum = 5;

        CustomResourceDefinitions.Generate(typeof(V1Widget)).Spec.Versions[0].Schema.OpenAPIV3Schema
            .Properties["spec"].Properties["size"].Maximum.Should().Be(100);
    }

    /// <summary>A resource with a spec only.</summary>
    [KubernetesEntity(Group = "test.operators.dev", ApiVersion = "v1", Kind = "Gadget", PluralName = "gadgets")]
    public sealed class V1Gadget
    {
        [JsonPropertyName("metadata")]
        public V1ObjectMeta Metadata { get; set; } = new();

        [JsonPropertyName("spec")]
        public WidgetSettings? Spec { get; set; }
    }
}
