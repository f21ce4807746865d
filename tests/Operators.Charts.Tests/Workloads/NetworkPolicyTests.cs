using FluentAssertions;
using Operators.Charts.Tests.Infrastructure;

namespace Operators.Charts.Tests.Workloads;

public sealed class NetworkPolicyTests
{
    private const string Chart = "maintenance-notifier";

    [TestCaseSource(typeof(ChartCatalog), nameof(ChartCatalog.ChartCases))]
    public void Defaults_RenderNoNetworkPolicy(string chart)
    {
        RenderedChart.Of(new ChartScenario(chart, null)).OfKind("NetworkPolicy").Should().BeEmpty();
    }

    [Test]
    public void NotifierScenario_AllowsOnlyDnsTheApiServerAndTheWebhookNetworks()
    {
        var rendered = RenderedChart.Of(ChartCatalog.Scenario(Chart, "networkpolicy"));

        var policy = rendered.Single("NetworkPolicy");

        policy.Strings("spec.policyTypes").Should().Equal("Egress");
        policy.Map("spec.podSelector.matchLabels").Should().Equal(rendered.Deployment.Map("spec.selector.matchLabels"));
        var egress = policy.Items("spec.egress");
        egress.Should().HaveCount(4);

        var dns = egress[0];
        dns.Items("ports").Select(p => (p.Str("protocol"), p.Int("port"))).Should().BeEquivalentTo([("UDP", 53L), ("TCP", 53L)]);
        dns.Items("to").Should().ContainSingle().Which.Map("podSelector.matchLabels").Should().Contain("k8s-app", "kube-dns");

        var api = egress[1];
        api.Items("to").Select(t => t.Str("ipBlock.cidr")).Should().Equal("10.96.0.1/32", "192.168.10.0/24");
        api.Items("ports").Select(p => p.Int("port")).Should().Equal(443L, 6443L);

        egress[2].Items("to").Single().Str("ipBlock.cidr").Should().Be("203.0.113.0/24");
        egress[2].Items("ports").Single().Int("port").Should().Be(443);
        egress[3].Items("to").Single().Strings("ipBlock.except").Should().Equal("10.20.99.0/24");
        egress[3].Items("ports").Single().Int("port").Should().Be(8443);
    }

    [Test]
    public void NotifierPolicy_WithoutApiServerCidrs_AllowsTheApiPortsToAnyAddress()
    {
        var rendered = RenderedChart.Of(new ChartScenario(Chart, null), "--set", "networkPolicy.enabled=true");

        var egress = rendered.Single("NetworkPolicy").Items("spec.egress");

        egress[1].At("to").Should().BeNull();
        egress[1].Items("ports").Select(p => p.Int("port")).Should().Equal(443L, 6443L);
        egress[2].Items("to").Single().Str("ipBlock.cidr").Should().Be("0.0.0.0/0");
        egress[2].Items("to").Single().Strings("ipBlock.except").Should().Contain(["10.0.0.0/8", "169.254.0.0/16"]);
    }
}
