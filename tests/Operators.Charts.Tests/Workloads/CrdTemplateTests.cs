using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Workloads;

/// <summary>
/// The CRD template (<c>templates/crd.yaml</c>) is generated from the C# types; these tests pin
/// only its switch and its upgrade policy, not its schema (the generator's drift test does that).
/// </summary>
public sealed class CrdTemplateTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void CrdsInstallFalse_RendersNoCrd(string chart)
    {
        var rendered = RenderedChart.Of(new ChartScenario(chart, null), "--set", "crds.install=false");

        rendered.OfKind("CustomResourceDefinition").Should().BeEmpty();
        rendered.OfKind("Deployment").Should().ContainSingle();
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Defaults_RenderTheOperatorsOwnCrdKeptOnUninstall_WhenTheTemplateExists(string chart)
    {
        var templateExists = File.Exists(RepositoryRoot.Combine("charts", chart, "templates", "crd.yaml"));

        var crds = RenderedChart.Of(new ChartScenario(chart, null)).OfKind("CustomResourceDefinition");

        if (!templateExists)
        {
            crds.Should().BeEmpty("no templates/crd.yaml has been generated for {0} yet", chart);
            return;
        }

        var crd = crds.Should().ContainSingle().Subject;
        crd.Str("metadata.name").Should().Be($"{chart.Replace("-", string.Empty, StringComparison.Ordinal)}s.openstack.operators.dev");
        crd.Map("metadata.annotations").Should().Contain("helm.sh/resource-policy", "keep");
    }
}
