using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Compares a recorded scenario outcome with the expected one and lists the differences as
/// <c>step &lt;id&gt;: &lt;path&gt;: expected X, got Y</c>. Steps are matched by id; within a step the
/// expected leaves come first (sorted by path), then the leaves only the recording has. A
/// missing value reads <c>"&lt;absent&gt;"</c>. Object key order does not matter, list order does.
/// </summary>
public static class OutcomeComparer
{
    /// <summary>The difference lines; empty when the outcomes agree.</summary>
    public static IReadOnlyList<string> Compare(JsonObject expected, JsonObject actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var expectedSteps = StepsById(expected);
        var actualSteps = StepsById(actual);
        var lines = new List<string>();
        foreach (var (id, step) in expectedSteps)
        {
            lines.AddRange(CompareStep(id, step, actualSteps.GetValueOrDefault(id)));
        }

        foreach (var (id, step) in actualSteps.Where(pair => !expectedSteps.ContainsKey(pair.Key)))
        {
            lines.AddRange(CompareStep(id, null, step));
        }

        return lines;
    }

    private static IEnumerable<string> CompareStep(string id, JsonObject? expected, JsonObject? actual)
    {
        var expectedLeaves = OutcomeFlattener.Flatten(expected);
        var actualLeaves = OutcomeFlattener.Flatten(actual);
        JsonNode? absent = Selection.AbsentText;
        foreach (var path in expectedLeaves.Keys.Order(StringComparer.Ordinal))
        {
            var got = actualLeaves.TryGetValue(path, out var value) ? value : absent;
            if (!JsonEquality.Equal(expectedLeaves[path], got))
            {
                yield return DifferenceFormatter.Line(id, path, expectedLeaves[path], got);
            }
        }

        foreach (var path in actualLeaves.Keys.Where(path => !expectedLeaves.ContainsKey(path)).Order(StringComparer.Ordinal))
        {
            if (!JsonEquality.Equal(absent, actualLeaves[path]))
            {
                yield return DifferenceFormatter.Line(id, path, absent, actualLeaves[path]);
            }
        }
    }

    private static OrderedDictionary<string, JsonObject> StepsById(JsonObject outcome)
    {
        var steps = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var step in (outcome["steps"] as JsonArray ?? []).OfType<JsonObject>())
        {
            steps.TryAdd(JsonText.StringOf(step["id"]) ?? string.Empty, step);
        }

        return steps;
    }
}
