using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Reduces a <c>Status</c> body to <c>kind, apiVersion, status, reason, code,
/// details{name, group, kind, uid, retryAfterSeconds, causes[{reason, field}]}</c>; causes sorted
/// by field then reason, empty details dropped, messages kept only on request.
/// </summary>
internal static class StatusReducer
{
    private static readonly string[] TopKeys = ["kind", "apiVersion", "status", "reason", "code"];
    private static readonly string[] DetailKeys = ["name", "group", "kind", "uid", "retryAfterSeconds"];

    /// <summary>The reduced copy of <paramref name="status"/>.</summary>
    public static JsonObject Reduce(JsonObject status, bool keepMessage)
    {
        var reduced = Pick(status, TopKeys);
        if (keepMessage)
        {
            CopyIfPresent(status, reduced, "message");
        }

        if (status["details"] is JsonObject details)
        {
            var reducedDetails = Pick(details, DetailKeys);
            if (details["causes"] is JsonArray causes)
            {
                reducedDetails["causes"] = ReduceCauses(causes, keepMessage);
            }

            if (reducedDetails.Count > 0)
            {
                reduced["details"] = reducedDetails;
            }
        }

        return reduced;
    }

    private static JsonArray ReduceCauses(JsonArray causes, bool keepMessage)
    {
        string[] keys = keepMessage ? ["reason", "field", "message"] : ["reason", "field"];
        var reduced = causes
            .Select(cause => cause is JsonObject obj ? Pick(obj, keys) : new JsonObject())
            .OrderBy(cause => JsonText.StringOf(cause["field"]) ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(cause => JsonText.StringOf(cause["reason"]) ?? string.Empty, StringComparer.Ordinal);
        return new JsonArray(reduced.ToArray<JsonNode?>());
    }

    private static JsonObject Pick(JsonObject source, IEnumerable<string> keys)
    {
        var picked = new JsonObject();
        foreach (var key in keys)
        {
            CopyIfPresent(source, picked, key);
        }

        return picked;
    }

    private static void CopyIfPresent(JsonObject source, JsonObject target, string key)
    {
        if (source.TryGetPropertyValue(key, out var value))
        {
            target[key] = value?.DeepClone();
        }
    }
}
