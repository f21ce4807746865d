using FluentAssertions;
using Operators.LocalRun;

using Operators.Testing;

namespace Operators.EndToEnd.Tests.LocalRun;

public class CrdManifestsTests
{
    [Test]
    public void Unwrap_RemovesTheCrdsInstallWrapperOnly()
    {
        var template = "# generated\n{{- if .Values.crds.install }}\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n{{- end }}\n";

        CrdManifests.Unwrap(template, "crd.yaml").Should().Be("# generated\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n");
    }

    [Test]
    public void Unwrap_WhenAnotherTemplateExpressionIsPresent_Fails()
    {
        var template = "{{- if .Values.crds.install }}\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n";

        var unwrap = () => CrdManifests.Unwrap(template, "crd.yaml");

        unwrap.Should().Throw<LaunchException>().WithMessage("*crd.yaml*name: {{ .Release.Name }}*");
    }

    [Test]
    public void Load_FromTheCharts_ReturnsTheThreeCrdsOfTheOperators()
    {
        var crds = CrdManifests.Load(TestRepository.Layout);

        crds.Select(c => c["metadata"]!["name"]!.GetValue<string>()).Should().Equal(
            "buildingblocks.openstack.operators.dev", "novaagents.openstack.operators.dev", "maintenancenotifiers.openstack.operators.dev");
        crds.Should().OnlyContain(c => c["kind"]!.GetValue<string>() == "CustomResourceDefinition");
    }
}
