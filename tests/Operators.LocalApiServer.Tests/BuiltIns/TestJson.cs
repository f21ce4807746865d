using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Tests.BuiltIns;

/// <summary>Helpers for the built-in resource tests: parse inline JSON and read causes.</summary>
internal static class TestJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonNode? At(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var index) ? current?[index] : current?[part];
        }

        return current;
    }

    public static IEnumerable<(string Reason, string Field)> ReasonsAndFields(this IEnumerable<StatusCause> causes) =>
        causes.Select(c => (c.Reason, c.Field));
}
