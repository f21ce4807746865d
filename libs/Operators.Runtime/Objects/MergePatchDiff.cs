using System.Text.Json.Nodes;

namespace Operators.Runtime.Objects;

/// <summary>
/// Computes the JSON merge patch (RFC 7386) that turns one document into another: changed and
/// new members are set, removed members are set to null, arrays are replaced whole.
/// </summary>
public static class MergePatchDiff
{
    /// <summary>The merge patch from <paramref name="before"/> to <paramref name="after"/>; an empty object when they are equal.</summary>
    /// <param name="before">The current document.</param>
    /// <param name="after">The wanted document.</param>
    /// <returns>The patch.</returns>
    public static JsonObject Create(JsonObject before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var patch = new JsonObject();
        foreach (var (key, oldValue) in before)
        {
            if (!after.ContainsKey(key))
            {
                patch[key] = null;
            }
            else if (oldValue is JsonObject oldObject && after[key] is JsonObject newObject)
            {
                var nested = Create(oldObject, newObject);
                if (nested.Count > 0)
                {
                    patch[key] = nested;
                }
            }
            else if (!JsonNode.DeepEquals(oldValue, after[key]))
            {
                patch[key] = after[key]?.DeepClone();
            }
        }

        foreach (var (key, newValue) in after)
        {
            if (!before.ContainsKey(key))
            {
                patch[key] = newValue?.DeepClone();
            }
        }

        return patch;
    }
}
