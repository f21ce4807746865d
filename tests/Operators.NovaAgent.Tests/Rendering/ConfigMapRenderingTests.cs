using FluentAssertions;
using Operators.NovaAgent.Rendering;
using Operators.NovaAgent.Tests.Support;

namespace Operators.NovaAgent.Tests.Rendering;

public sealed class ConfigMapRenderingTests
{
    [Test]
    public void Apply_SetsLabelsControllerAndExactlyTheRenderedData()
    {
        var agent = TestAgents.Agent(s => s.CustomServiceConfig = "[DEFAULT]\ndebug = true\n");
        var configMap = ConfigMapRendering.Skeleton(agent);
        configMap.Data = new Dictionary<string, string> { ["stale.conf"] = "x" };
        configMap.Metadata.Labels = new Dictionary<string, string> { ["owner-team"] = "compute" };

        ConfigMapRendering.Apply(configMap, agent, NovaComputeConfig.Data(agent.Spec));

        configMap.Metadata.Name.Should().Be("nova-compute-node001-bb091");
        configMap.Data.Keys.Should().BeEquivalentTo("01-nova-compute.conf", "02-custom.conf");
        configMap.Data["02-custom.conf"].Should().Be("[DEFAULT]\ndebug = true\n");
        configMap.Metadata.Labels.Should().Contain("owner-team", "compute")
            .And.Contain("app.kubernetes.io/managed-by", "nova-agent")
            .And.Contain("openstack.operators.dev/host", TestAgents.Host)
            .And.NotContainKey("team");
        configMap.Metadata.OwnerReferences.Should().ContainSingle().Which.Controller.Should().BeTrue();
    }

    [Test]
    public void Apply_WithoutBuildingBlock_LeavesThatLabelOut()
    {
        var agent = TestAgents.Agent(s => s.BuildingBlock = null);
        var configMap = ConfigMapRendering.Skeleton(agent);

        ConfigMapRendering.Apply(configMap, agent, NovaComputeConfig.Data(agent.Spec));

        configMap.Metadata.Labels.Should().NotContainKey("openstack.operators.dev/building-block");
    }
}
