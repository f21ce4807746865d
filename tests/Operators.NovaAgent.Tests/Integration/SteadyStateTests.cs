using FluentAssertions;
using Operators.Api.NovaAgents;
using Operators.NovaAgent.Tests.Support;

namespace Operators.NovaAgent.Tests.Integration;

/// <summary>A steady cluster produces zero API writes: neither resyncs nor a restarted operator write anything.</summary>
public sealed class SteadyStateTests : OperatorTestBase
{
    [Test]
    public async Task ANoOpResync_WritesNothing()
    {
        await RestartOperatorAsync(resyncPeriod: TimeSpan.FromMilliseconds(300));
        await CreateAgentAsync(s => s.CustomServiceConfig = "[DEFAULT]\ndebug = true\n");
        await WaitForReadyReasonAsync(NovaAgentConditions.Available);
        await WaitForEventAsync("RolloutCompleted");
        var reconciles = await Operator.ReconcilesAsync();
        Server.Requests.Reset();

        await WaitForReconcilesAsync(reconciles, count: 3);

        Server.Requests.Writes.Should().Be(0, "requests: {0}", string.Join(", ", Server.Requests.Snapshot()));
    }

    [Test]
    public async Task ARestartedOperator_WritesNothing()
    {
        await CreateAgentAsync(s => s.Maintenance = new() { Reason = "CHG0123456" });
        await WaitForReadyReasonAsync(NovaAgentConditions.OutOfService);
        await WaitForEventAsync("OutOfService");
        await Operator.StopAsync();
        Server.Requests.Reset();

        await RestartOperatorAsync();
        await WaitForReconcilesAsync(0);

        Server.Requests.Writes.Should().Be(0, "requests: {0}", string.Join(", ", Server.Requests.Snapshot()));
        Server.Requests.Get("get", "deployments").Should().Be(0, "children are read from the cache");
    }
}
