namespace Operators.Charts.Tests.Infrastructure;

/// <summary>The charts under test and their scenarios, found on disk so a new <c>ci/*-values.yaml</c> is tested without code changes.</summary>
internal static class ChartCatalog
{
    /// <summary>The chart of each operator.</summary>
    public static readonly IReadOnlyList<string> Names = ["building-block", "nova-agent", "maintenance-notifier"];

    /// <summary>The scenarios every chart must have.</summary>
    public static readonly IReadOnlyList<string> RequiredScenarios =
        ["servicemonitor", "no-leader-election", "custom-resources", "extra-env", "namespaced"];

    /// <summary>Returns every chart with its defaults and with each of its <c>ci/*-values.yaml</c> files.</summary>
    public static IEnumerable<ChartScenario> AllScenarios() => Names.SelectMany(ScenariosOf);

    /// <summary>Returns the scenarios of one chart: the defaults first, then each values file in name order.</summary>
    public static IEnumerable<ChartScenario> ScenariosOf(string chart)
    {
        yield return new ChartScenario(chart, null);
        var ci = RepositoryRoot.Combine("charts", chart, "ci");
        if (!Directory.Exists(ci))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(ci, "*-values.yaml").Order(StringComparer.Ordinal))
        {
            yield return new ChartScenario(chart, Path.Combine("charts", chart, "ci", Path.GetFileName(file)));
        }
    }

    /// <summary>Returns one named scenario of a chart.</summary>
    public static ChartScenario Scenario(string chart, string name) =>
        ScenariosOf(chart).Single(s => s.Name == name);

    /// <summary>Test cases: one per chart.</summary>
    public static IEnumerable<TestCaseData> ChartCases() =>
        Names.Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    /// <summary>Test cases: one per chart and scenario.</summary>
    public static IEnumerable<TestCaseData> ScenarioCases() =>
        AllScenarios().Select(s => new TestCaseData(s).SetArgDisplayNames(s.ToString()));
}
