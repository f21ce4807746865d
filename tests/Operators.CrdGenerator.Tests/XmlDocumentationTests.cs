using FluentAssertions;
using Operators.CrdGenerator.Tests.TestTypes;

namespace Operators.CrdGenerator.Tests;

public sealed class XmlDocumentationTests
{
    [Test]
    public void Summary_OfAType_NormalizesWhitespaceAndRendersTagsAsText()
    {
        XmlDocumentation.Summary(typeof(WidgetSpec)).Should().Be(
            "The desired state of a widget, spread over lines; see size and WidgetPart, code and null.");
    }

    [Test]
    public void Summary_OfAProperty_IsItsSummary()
    {
        XmlDocumentation.Summary(typeof(WidgetSpec).GetProperty(nameof(WidgetSpec.Size))!).Should().Be("How big, in cm.");
    }

    [Test]
    public void Summary_WithoutDocumentation_IsNull()
    {
        XmlDocumentation.Summary(typeof(InvalidAnnotationTests.LooseItem)).Should().BeNull();
        XmlDocumentation.Summary(typeof(string)).Should().BeNull();
    }

    [Test]
    public void Generate_DescribesTheRootByTheResourceTypeAndItemsByTheirType()
    {
        var root = JsonAssert.RootSchema(CustomResourceDefinitions.Generate(typeof(V1Widget)));

        root["description"]!.GetValue<string>().Should().Be("A widget: the test resource of the generator's tests.");
        root["properties"]!["spec"]!["description"]!.GetValue<string>().Should().Be("What the widget should be.");
        root["properties"]!["spec"]!["properties"]!["parts"]!["items"]!["description"]!.GetValue<string>().Should().Be("One part of a widget.");
    }

    [Test]
    public void Generate_ForAnUndocumentedProperty_UsesItsTypesSummary()
    {
        var root = JsonAssert.RootSchema(CustomResourceDefinitions.Generate(typeof(CustomResourceDefinitionTests.V1Gadget)));

        root["properties"]!["spec"]!["description"]!.GetValue<string>().Should().Be("Settings with defaults of their own.");
    }
}
