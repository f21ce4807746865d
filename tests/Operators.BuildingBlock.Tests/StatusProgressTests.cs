using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Operators.Api.BuildingBlocks;
using Operators.Api.NovaAgents;

using Operators.Runtime.Status;

namespace Operators.BuildingBlock.Tests;

/// <summary>Which status changes only report progress (and may wait), and which are news (written at once).</summary>
public sealed class StatusProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void StartTheClock() => _time = new FakeTimeProvider(Start);

    [Test]
    public void AnotherAgentReady_WhileTheBlockStaysNotReady_IsProgressOnly()
    {
        var block = WithStatus([Agent(1, ready: true), Agent(2, ready: false)]);

        var next = Compute(block, [Agent(1, ready: true), Agent(2, ready: true)]);

        next.ReadyAgents.Should().Be(2);
        StatusProgress.IsProgressOnly(block.Status, next).Should().BeTrue();
    }

    [Test]
    public void AnAgentThatStopsBeingReady_WhileTheBlockIsAlreadyNotReady_IsProgressOnly()
    {
        var block = WithStatus([Agent(1, ready: true), Agent(2, ready: true)]);

        StatusProgress.IsProgressOnly(block.Status, Compute(block, [Agent(1, ready: true), Agent(2, ready: false)])).Should().BeTrue();
    }

    [Test]
    public void TheLastAgentReady_TurnsTheBlockReady_AndIsNews()
    {
        var block = WithStatus([.. Enumerable.Range(1, 3).Select(i => Agent(i, ready: true))]);
        _time.Advance(TimeSpan.FromSeconds(3));

        var ready = Compute(block, [.. Enumerable.Range(1, 4).Select(i => Agent(i, ready: true))]);

        Conditions(ready, BuildingBlockConditions.Ready).Reason.Should().Be(BuildingBlockConditions.AllAgentsReady);
        StatusProgress.IsProgressOnly(block.Status, ready).Should().BeFalse();
    }

    [Test]
    public void AFirstStatus_IsNews() =>
        StatusProgress.IsProgressOnly(null, Compute(TestObjects.Block().Stored(), [])).Should().BeFalse();

    [Test]
    public void ANewGeneration_IsNews()
    {
        var block = WithStatus([Agent(1, ready: true)]);
        block.Metadata.Generation = 2;

        StatusProgress.IsProgressOnly(block.Status, Compute(block, [Agent(1, ready: true), Agent(2, ready: true)])).Should().BeFalse();
    }

    [Test]
    public void MaintenanceRequested_IsNews_AndAgentsLeavingServiceOneByOneIsProgress()
    {
        var block = WithStatus([.. Enumerable.Range(1, 4).Select(i => Agent(i, ready: true))]);
        block.Spec.Maintenance = TestObjects.Maintenance();
        _time.Advance(TimeSpan.FromSeconds(1));

        var entering = Compute(block, [.. Enumerable.Range(1, 4).Select(i => Agent(i, ready: true))]);
        StatusProgress.IsProgressOnly(block.Status, entering).Should().BeFalse("the Maintenance condition turned True");

        block.Status = entering;
        var oneOut = Compute(block, [Agent(1, ready: false, inService: false), .. Enumerable.Range(2, 3).Select(i => Agent(i, ready: true))]);
        Conditions(oneOut, BuildingBlockConditions.Maintenance).Reason.Should().Be(BuildingBlockConditions.Entering);
        StatusProgress.IsProgressOnly(block.Status, oneOut).Should().BeTrue("one more agent out of service while still Entering");

        block.Status = oneOut;
        var allOut = Compute(block, [.. Enumerable.Range(1, 4).Select(i => Agent(i, ready: false, inService: false))]);
        StatusProgress.IsProgressOnly(block.Status, allOut).Should().BeFalse("the Maintenance reason turns InMaintenance");
    }

    [Test]
    public void AnAgentAppearingInTheList_IsNews()
    {
        var block = WithStatus([Agent(1, ready: false)]);

        var next = Compute(block, [Agent(1, ready: false), Agent(2, ready: false)]);

        next.ReadyAgents.Should().Be(block.Status!.ReadyAgents);
        StatusProgress.IsProgressOnly(block.Status, next).Should().BeFalse("the status lists a new agent");
    }

    [TestCase(null, 5_000)]
    [TestCase("0s", 0)]
    [TestCase("1m30s", 90_000)]
    [TestCase("5m", 300_000)]
    public void TheFlag_SetsTheInterval_FiveSecondsByDefault(string? flag, int milliseconds)
    {
        string[] args = flag is null ? [] : ["--status-progress-interval", flag];
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddBuildingBlockOperator();
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<StatusProgressOptions>>().Value.ProgressInterval.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [TestCase("soon", "'soon' is not valid")]
    [TestCase("6m", "out of range")]
    [TestCase("-1s", "is not valid")]
    public void TheFlag_WithABadValue_FailsNamingIt(string flag, string problem)
    {
        var builder = Host.CreateApplicationBuilder(["--status-progress-interval", flag]);
        builder.AddBuildingBlockOperator();
        using var host = builder.Build();

        var read = () => host.Services.GetRequiredService<IOptions<StatusProgressOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("--status-progress-interval").And.Contain(problem);
    }

    private static k8s.Models.V1Condition Conditions(BuildingBlockStatus status, string type) => status.Conditions!.Single(c => c.Type == type);

    private static Api.NovaAgents.V1Alpha1NovaAgent Agent(int i, bool ready, bool inService = true) =>
        TestObjects.Agent(TestObjects.HostName(i), ready, inService);

    private V1Alpha1BuildingBlock WithStatus(IReadOnlyCollection<V1Alpha1NovaAgent> agents)
    {
        var block = TestObjects.Block().Stored();
        block.Status = Compute(block, agents);
        return block;
    }

    private BuildingBlockStatus Compute(V1Alpha1BuildingBlock block, IReadOnlyCollection<V1Alpha1NovaAgent> agents) =>
        BlockStatusCalculator.Compute(block, agents, [], _time.GetUtcNow());
}
