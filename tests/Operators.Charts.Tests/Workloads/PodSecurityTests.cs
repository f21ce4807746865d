using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Workloads;

public sealed class PodSecurityTests
{
    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void EveryPodSpec_PassesTheRestrictedPodSecurityProfile(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);
        var podSpecs = chart.Objects
            .Select(o => o.At("spec.template.spec"))
            .OfType<System.Text.Json.Nodes.JsonNode>()
            .ToList();

        podSpecs.Should().NotBeEmpty();
        foreach (var spec in podSpecs)
        {
            RestrictedPodSecurity.Violations(spec).Should().BeEmpty();
        }
    }

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ScenarioCases))]
    public void Operator_RunsAsUid65532WithAWritableTmpOnly(object scenario)
    {
        var chart = RenderedChart.Of((ChartScenario)scenario);

        chart.Container.Int("securityContext.runAsUser").Should().Be(65532);
        chart.Deployment.Int("spec.template.spec.securityContext.runAsUser").Should().Be(65532);
        chart.Container.Items("volumeMounts").Should().ContainSingle().Which.Str("mountPath").Should().Be("/tmp");
    }

    [Test]
    public void Violations_OfAPrivilegedRootPod_AreAllReported()
    {
        var spec = YamlDocuments.Parse("""
            hostNetwork: true
            volumes:
              - name: host
                hostPath: {path: /}
            containers:
              - name: bad
                ports: [{containerPort: 80, hostPort: 80}]
                securityContext:
                  privileged: true
                  runAsUser: 0
                  capabilities: {add: [SYS_ADMIN]}
            """)[0];

        var violations = RestrictedPodSecurity.Violations(spec);

        violations.Should().HaveCount(11);
    }
}
