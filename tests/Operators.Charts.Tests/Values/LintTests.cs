using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Values;

public sealed class LintTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Lint_WithStrictChecks_ReportsNoProblem(object scenario)
    {
        var s = (ChartScenario)scenario;

        var result = Helm.Run(["lint", "--strict", s.ChartPath, "--namespace", ChartScenario.ReleaseNamespace, .. s.ValuesArguments()]);

        result.Succeeded.Should().BeTrue(result.Output);
        result.StandardOutput.Should().Contain("0 chart(s) failed", result.Output);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Chart_HasEveryRequiredCiScenario(string chart)
    {
        var names = ChartCatalog.ScenariosOf(chart).Select(s => s.Name);

        names.Should().Contain(ChartCatalog.RequiredScenarios);
    }
}
