using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>Inline JSON and canned responses for the runner's unit tests.</summary>
internal static class TestJson
{
    /// <summary>Parses JSON written with single quotes (for readable inline data).</summary>
    public static JsonNode? Parse(string singleQuoted) => JsonNode.Parse(singleQuoted.Replace('\'', '"'));

    /// <summary>Parses an object written with single quotes.</summary>
    public static JsonObject Object(string singleQuoted) => Parse(singleQuoted)!.AsObject();

    /// <summary>Asserts that <paramref name="actual"/> is the JSON written (single-quoted) in <paramref name="expected"/>, key order aside.</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected) =>
        JsonEquality.Equal(actual, Parse(expected)).Should().BeTrue(
            "expected {0} but got {1}", Parse(expected)?.ToJsonString(), actual?.ToJsonString());

    /// <summary>A received response with the given status, body and extra headers.</summary>
    public static RawResponse Response(int status, string body, params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return RawResponse.FromHeaders(message, body);
    }
}
