using System.Text;
using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Prometheus;

namespace Operators.BuildingBlock.Tests;

public sealed class AgentMetricsTests
{
    [Test]
    public async Task Observe_ExportsDesiredReadyAndOutOfServicePerBlock()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new AgentMetrics(registry);

        metrics.Observe("openstack", "bb091", new BuildingBlockStatus { DesiredAgents = 4, ReadyAgents = 3, OutOfServiceAgents = 1 });

        var text = await ExportAsync(registry);
        text.Should().Contain("building_block_agents{namespace=\"openstack\",building_block=\"bb091\",state=\"desired\"} 4")
            .And.Contain("building_block_agents{namespace=\"openstack\",building_block=\"bb091\",state=\"ready\"} 3")
            .And.Contain("building_block_agents{namespace=\"openstack\",building_block=\"bb091\",state=\"out_of_service\"} 1");
    }

    [Test]
    public async Task Forget_RemovesTheSeriesOfADeletedBlock_AndKeepsTheOthers()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new AgentMetrics(registry);
        metrics.Observe("openstack", "bb091", new BuildingBlockStatus { DesiredAgents = 4 });
        metrics.Observe("openstack", "bb092", new BuildingBlockStatus { DesiredAgents = 2 });

        metrics.Forget("openstack", "bb091");

        var text = await ExportAsync(registry);
        text.Should().NotContain("bb091").And.Contain("building_block=\"bb092\",state=\"desired\"} 2");
        metrics.Value("openstack", "bb091", "desired").Should().Be(0);
    }

    private static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
