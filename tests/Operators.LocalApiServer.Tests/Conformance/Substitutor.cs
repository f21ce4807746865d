using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Replaces <c>${...}</c> in the strings of a step: <c>${ns}</c>, <c>${run}</c>,
/// <c>${repeat:x:N}</c> and <c>${stepId.status|body|headers...}</c> (a value from an earlier
/// step's raw result). A string that is exactly one <c>${...}</c> becomes the raw value itself.
/// </summary>
internal sealed partial class Substitutor
{
    private const string RepeatPrefix = "repeat:";
    private static readonly string[] ResultParts = ["status", "body", "headers"];

    private readonly string _namespaceName;
    private readonly string _runId;
    private readonly Func<string, JsonObject?> _stepResult;

    /// <param name="namespaceName">The value of <c>${ns}</c>.</param>
    /// <param name="runId">The value of <c>${run}</c>.</param>
    /// <param name="stepResult">The raw result (<c>status</c>, <c>body</c>, <c>headers</c>) of an earlier step by id, or null.</param>
    public Substitutor(string namespaceName, string runId, Func<string, JsonObject?> stepResult)
    {
        _namespaceName = namespaceName;
        _runId = runId;
        _stepResult = stepResult;
    }

    /// <summary>A copy of <paramref name="node"/> with every string (keys too) substituted.</summary>
    public JsonNode? Apply(JsonNode? node) => node switch
    {
        JsonObject obj => ApplyObject(obj),
        JsonArray array => new JsonArray(array.Select(Apply).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => ApplyString(text),
        _ => node?.DeepClone(),
    };

    /// <summary>The text with every <c>${...}</c> replaced by its value as text.</summary>
    public string ApplyText(string text) =>
        Placeholder().Replace(text, match => JsonText.TextOf(Resolve(match.Groups[1].Value).ToJson()));

    private JsonObject ApplyObject(JsonObject obj)
    {
        var substituted = new JsonObject();
        foreach (var (key, value) in obj)
        {
            substituted[ApplyText(key)] = Apply(value);
        }

        return substituted;
    }

    private JsonNode? ApplyString(string text)
    {
        var match = Placeholder().Match(text);
        if (match.Success && match.Index == 0 && match.Length == text.Length)
        {
            return Resolve(match.Groups[1].Value).ToJson();
        }

        return JsonValue.Create(ApplyText(text));
    }

    private Selection Resolve(string expression)
    {
        switch (expression)
        {
            case "ns":
                return Selection.Of(JsonValue.Create(_namespaceName));
            case "run":
                return Selection.Of(JsonValue.Create(_runId));
        }

        if (expression.StartsWith(RepeatPrefix, StringComparison.Ordinal))
        {
            return Selection.Of(JsonValue.Create(Repeat(expression[RepeatPrefix.Length..])));
        }

        return ResolveStepReference(expression);
    }

    private Selection ResolveStepReference(string expression)
    {
        for (var dot = expression.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = expression.IndexOf('.', dot + 1))
        {
            var path = expression[(dot + 1)..];
            var segments = PathExpression.Parse(path);
            if (segments.Count > 0 && segments[0].Kind == PathSegmentKind.Key && ResultParts.Contains(segments[0].Key, StringComparer.Ordinal)
                && _stepResult(expression[..dot]) is { } result)
            {
                return PathEvaluator.Select(result, path);
            }
        }

        throw new InvalidOperationException(
            $"'${{{expression}}}' names no earlier step result (expected <stepId>.status|body|headers...).");
    }

    private static string Repeat(string arguments)
    {
        var separator = arguments.LastIndexOf(':');
        if (separator < 0 || !int.TryParse(arguments[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"'${{repeat:{arguments}}}' is not of the form ${{repeat:x:N}}.");
        }

        var unit = arguments[..separator];
        return new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
    }

    [GeneratedRegex(@"\$\{([^}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
