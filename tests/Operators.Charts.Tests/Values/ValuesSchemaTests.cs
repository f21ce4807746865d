using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Values;

public sealed class ValuesSchemaTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Template_WithUnknownTopLevelValue_IsRejectedByTheSchema(string chart)
    {
        var result = Helm.Run("template", "ops", Path.Combine("charts", chart), "--set", "replicas=3");

        result.Succeeded.Should().BeFalse(result.Output);
        result.StandardError.Should().Contain("additional properties 'replicas' not allowed", result.Output);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Template_WithUnknownLogFormat_IsRejectedByTheSchema(string chart)
    {
        var result = Helm.Run("template", "ops", Path.Combine("charts", chart), "--set", "logFormat=xml");

        result.Succeeded.Should().BeFalse(result.Output);
        result.StandardError.Should().Contain("/logFormat", result.Output);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Template_WithTwoReplicasAndNoLeaderElection_FailsWithAReason(string chart)
    {
        var result = Helm.Run("template", "ops", Path.Combine("charts", chart), "--set", "leaderElection.enabled=false");

        result.Succeeded.Should().BeFalse(result.Output);
        result.StandardError.Should().Contain("needs leaderElection.enabled=true", result.Output);
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Template_WithoutRequestsOrLimits_IsRejectedByTheSchema(string chart)
    {
        var result = Helm.Run("template", "ops", Path.Combine("charts", chart), "--set", "resources.limits=null");

        result.Succeeded.Should().BeFalse(result.Output);
    }
}
