using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Operators.CrdGenerator.Tests;

/// <summary>Compares JSON by meaning, showing both sides on failure; reads generated CRDs as JSON.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Fails unless <paramref name="actual"/> equals the JSON text <paramref name="expected"/>.</summary>
    public static void Equal(JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(actual, expectedNode))
        {
            Assert.Fail($"Expected:\n{expectedNode?.ToJsonString(Indented)}\nActual:\n{actual?.ToJsonString(Indented)}");
        }
    }

    /// <summary>The CRD as the Kubernetes client writes it.</summary>
    public static JsonObject ToJson(V1CustomResourceDefinition crd) =>
        JsonSerializer.SerializeToNode(crd, SourceGenerationContext.Default.V1CustomResourceDefinition)!.AsObject();

    /// <summary>The <c>openAPIV3Schema</c> of the CRD's only version.</summary>
    public static JsonObject RootSchema(V1CustomResourceDefinition crd) =>
        ToJson(crd)["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
}
