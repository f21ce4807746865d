using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Tables;

/// <summary>Compact JSON text of nodes for assertions, escaping only what JSON requires.</summary>
internal static class TableTestJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node's JSON, <c>null</c> for a null node.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    /// <summary>The compact form of a JSON text, to compare with <see cref="Text"/>.</summary>
    public static string Normalize(string json) => Text(JsonNode.Parse(json));
}
