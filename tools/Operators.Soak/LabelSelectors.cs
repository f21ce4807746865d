using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>Kubernetes label selector matching (<c>matchLabels</c>, <c>matchExpressions</c> with In, NotIn, Exists, DoesNotExist).</summary>
internal static class LabelSelectors
{
    /// <summary>Whether <paramref name="selector"/> matches <paramref name="labels"/>; null or empty matches everything.</summary>
    /// <param name="selector">The selector as JSON.</param>
    /// <param name="labels">The labels.</param>
    /// <returns>The result.</returns>
    public static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (selector is null)
        {
            return true;
        }

        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value?.GetValue<string>())
            {
                return false;
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.GetValue<string>() ?? string.Empty;
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression["operator"]?.GetValue<string>() switch
            {
                "In" => has && values.Contains(actual),
                "NotIn" => !has || !values.Contains(actual),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
