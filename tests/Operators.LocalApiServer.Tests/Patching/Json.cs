using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Patching;

/// <summary>Short JSON literals for the patch tests: single quotes stand for double quotes.</summary>
internal static class Json
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    public static JsonNode Object(string json) => Parse(json)!;

    /// <summary>Asserts structural equality (member order ignored, list order kept).</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected)
    {
        var expectedNode = Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).Should().BeTrue(
            "expected {0} but got {1}", expectedNode?.ToJsonString() ?? "null", actual?.ToJsonString() ?? "null");
    }
}
