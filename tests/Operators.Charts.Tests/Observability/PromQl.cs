using System.Text.RegularExpressions;

namespace Operators.Charts.Tests.Observability;

/// <summary>
/// Finds the metric names a PromQL expression selects. Enough of PromQL for dashboards and alert
/// rules: string literals, label matchers (<c>{...}</c>), ranges (<c>[...]</c>) and grouping
/// clauses (<c>by (...)</c>, <c>on (...)</c>, ...) are removed; what is left that is an identifier
/// and not a function call or keyword is a metric name.
/// </summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2",
    };

    /// <summary>Returns the metric (series) names <paramref name="expression"/> selects.</summary>
    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var text = Strings().Replace(expression, " ");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        return Identifiers().Matches(text)
            .Where(m => !IsFunctionCall(text, m))
            .Select(m => m.Value)
            .Where(name => !Keywords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Returns the metric of a Grafana <c>label_values(metric{...}, label)</c> variable query, or null for other queries.</summary>
    public static string? LabelValuesMetric(string query) =>
        LabelValues().Match(query) is { Success: true } m ? m.Groups["metric"].Value : null;

    private static bool IsFunctionCall(string text, Match identifier)
    {
        var next = identifier.Index + identifier.Length;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && text[next] == '(';
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifiers();

    [GeneratedRegex(@"label_values\(\s*(?<metric>[A-Za-z_:][A-Za-z0-9_:]*)")]
    private static partial Regex LabelValues();
}
