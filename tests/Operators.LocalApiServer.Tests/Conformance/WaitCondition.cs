using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The <c>until</c> of a <c>wait</c> step. Its keys combine with AND: <c>status</c> (the HTTP
/// status), <c>path</c> with <c>equals</c> (the raw value equals) or <c>exists</c> (present or not),
/// <c>itemsCount</c> (length of <c>items</c>).
/// </summary>
internal static class WaitCondition
{
    /// <summary>True when every condition of <paramref name="until"/> holds for <paramref name="response"/>.</summary>
    public static bool Holds(JsonObject until, RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(until);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Error is not null)
        {
            return false;
        }

        var body = response.IsJson ? response.Json : null;
        if (until.TryGetPropertyValue("status", out var status) && JsonText.NumberOf(status) != response.Status)
        {
            return false;
        }

        if (JsonText.StringOf(until["path"]) is { } path && !PathHolds(until, PathEvaluator.Select(body, path)))
        {
            return false;
        }

        return !until.TryGetPropertyValue("itemsCount", out var count)
            || (body?["items"] is JsonArray items && items.Count == JsonText.NumberOf(count));
    }

    private static bool PathHolds(JsonObject until, Selection selected)
    {
        if (until.TryGetPropertyValue("equals", out var expected))
        {
            return JsonEquality.Equal(selected.ToJson(), expected);
        }

        var shouldExist = JsonText.BoolOf(until["exists"], fallback: true);
        return selected.IsAbsent != shouldExist;
    }
}
