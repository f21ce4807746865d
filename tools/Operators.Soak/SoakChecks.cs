using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>Small readers of Kubernetes objects as JSON.</summary>
internal static class SoakChecks
{
    /// <summary>The status (<c>True</c>, <c>False</c>, <c>Unknown</c>) of a condition, or null when absent.</summary>
    /// <param name="item">The object.</param>
    /// <param name="type">The condition type.</param>
    /// <returns>The status.</returns>
    public static string? ConditionStatus(JsonObject item, string type) => Condition(item, type)?["status"]?.GetValue<string>();

    /// <summary>A condition's reason, or null.</summary>
    /// <param name="item">The object.</param>
    /// <param name="type">The condition type.</param>
    /// <returns>The reason.</returns>
    public static string? ConditionReason(JsonObject item, string type) => Condition(item, type)?["reason"]?.GetValue<string>();

    /// <summary>The object's name.</summary>
    /// <param name="item">The object.</param>
    /// <returns>The name.</returns>
    public static string Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Whether the status was computed from the current generation.</summary>
    /// <param name="item">The object.</param>
    /// <returns>The result.</returns>
    public static bool IsObserved(JsonObject item)
    {
        var generation = item["metadata"]?["generation"]?.GetValue<long>();
        var observed = item["status"]?["observedGeneration"]?.GetValue<long>();
        return generation is not null && observed == generation;
    }

    /// <summary>An integer of the status, or null.</summary>
    /// <param name="item">The object.</param>
    /// <param name="field">The field of <c>status</c>.</param>
    /// <returns>The value.</returns>
    public static long? StatusNumber(JsonObject item, string field) => item["status"]?[field]?.GetValue<long>();

    private static JsonObject? Condition(JsonObject item, string type) =>
        (item["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
}
