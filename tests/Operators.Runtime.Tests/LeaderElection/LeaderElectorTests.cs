using FluentAssertions;
using k8s;
using k8s.Models;
using Operators.LocalApiServer;
using Operators.Runtime.LeaderElection;
using Server = Operators.LocalApiServer.LocalApiServer;

namespace Operators.Runtime.Tests.LeaderElection;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LeaderElectorTests
{
    private const string Lease = "test-operator";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Short timings keep the tests fast; the ratios are client-go's.
    private static LeaderElectionOptions Fast(TimeSpan? leaseDuration = null) => new()
    {
        LeaseName = Lease,
        LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    [Test]
    public async Task RunAsync_WithTwoCandidates_ElectsExactlyOneLeader()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        var concurrent = 0;
        var maxConcurrent = 0;
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast());
        await using var b = new ElectorHarness(server.BaseAddress, "bravo", Fast());
        a.Start();
        b.Start();

        await Eventually.Until(() => a.Elector.IsLeader || b.Elector.IsLeader, Wait, "one candidate leads");
        var (leader, standby) = a.Elector.IsLeader ? (a, b) : (b, a);
        await Eventually.Until(() => server.Requests.Get("update", "leases") >= 6, Wait, "the leader renewed several times");
        foreach (var sample in Enumerable.Range(0, 20))
        {
            concurrent = (a.Elector.IsLeader ? 1 : 0) + (b.Elector.IsLeader ? 1 : 0);
            maxConcurrent = Math.Max(maxConcurrent, concurrent);
            await Task.Yield();
        }

        maxConcurrent.Should().Be(1);
        standby.Elector.IsLeader.Should().BeFalse();
        standby.Elector.CurrentLeader.Should().Be(leader.Elector.Identity);
        standby.NewLeaders.Should().Equal(leader.Elector.Identity);
        var lease = await leader.Client.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default");
        lease.Spec.HolderIdentity.Should().Be(leader.Elector.Identity);
        lease.Spec.LeaseDurationSeconds.Should().Be(2);
        lease.Spec.LeaseTransitions.Should().Be(0);
        lease.Spec.RenewTime.Should().BeAfter(lease.Spec.AcquireTime!.Value);
    }

    [Test]
    public async Task RunAsync_WhenTheLeaderStopsGracefully_ReleasesTheLeaseAndTheStandbyTakesOverAtOnce()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        var longLease = TimeSpan.FromSeconds(10);
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast(longLease)).Start();
        await Eventually.Until(() => a.Elector.IsLeader, Wait, "alpha leads");
        await using var b = new ElectorHarness(server.BaseAddress, "bravo", Fast(longLease)).Start();
        await Eventually.Until(() => b.Elector.CurrentLeader == "alpha", Wait, "bravo sees alpha lead");

        await a.StopAsync();
        await a.Run!.WaitAsync(Wait);
        var handover = await Eventually.Until(() => b.Elector.IsLeader, Wait, "bravo leads");

        handover.Should().BeLessThan(longLease / 4, "a released lease is taken at the standby's next attempt, not after the lease duration");
        a.WorkCancelledAt.Should().NotBeNull();
        a.StoppedAt.Should().NotBeNull();
        (await a.MasterStatusAsync(Lease)).Should().Be(0);
        var lease = await b.Client.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default");
        lease.Spec.HolderIdentity.Should().Be("bravo");
        lease.Spec.LeaseTransitions.Should().Be(1, "the release keeps the count; bravo's acquisition is one transition");
        lease.Spec.LeaseDurationSeconds.Should().Be(10);
    }

    [Test]
    public async Task RunAsync_WhenTheLeaderIsPartitioned_ItStopsWithinTheRenewDeadlineAndTheStandbyTakesOverWithinTheLeaseDuration()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        var options = Fast();
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast()).Start();
        await Eventually.Until(() => a.Elector.IsLeader, Wait, "alpha leads");
        await using var b = new ElectorHarness(server.BaseAddress, "bravo", Fast()).Start();
        await Eventually.Until(() => b.Elector.CurrentLeader == "alpha", Wait, "bravo sees alpha lead");
        (await a.MasterStatusAsync(Lease)).Should().Be(1);
        (await b.MasterStatusAsync(Lease)).Should().Be(0);

        var partitioned = DateTimeOffset.UtcNow;
        server.Faults.Partition("alpha-agent");
        var lostAfter = await Eventually.Until(() => a.Run!.IsCompleted, Wait, "alpha's term ends");
        var takenOverAfter = await Eventually.Until(() => b.Elector.IsLeader, Wait, "bravo leads");

        var slack = TimeSpan.FromMilliseconds(500);
        lostAfter.Should().BeLessThan(options.RenewDeadline + options.RetryPeriod + slack);
        (takenOverAfter + lostAfter).Should().BeLessThan(options.LeaseDuration + (options.RetryPeriod * 2.2) + slack);
        a.Elector.IsLeader.Should().BeFalse();
        a.WorkCancelledAt.Should().NotBeNull().And.BeBefore(b.StartedAt!.Value, "the old leader's work stops before the new leader's starts");
        a.StoppedAt.Should().BeAfter(partitioned);
        (await a.MasterStatusAsync(Lease)).Should().Be(0);
        (await b.MasterStatusAsync(Lease)).Should().Be(1);
        b.NewLeaders.Should().Equal("alpha", "bravo");
    }

    [Test]
    public async Task RunAsync_WhenRenewalsFail_StopsLeadingWithinTheRenewDeadline()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        var options = Fast();
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast()).Start();
        await Eventually.Until(() => a.Elector.IsLeader, Wait, "alpha leads");

        server.Faults.FailNext(1000, 500, verb: "update", resource: "leases");
        var lostAfter = await Eventually.Until(() => a.Run!.IsCompleted, Wait, "alpha's term ends");

        lostAfter.Should().BeLessThan(options.RenewDeadline + options.RetryPeriod + TimeSpan.FromMilliseconds(500));
        a.WorkCancelledAt.Should().NotBeNull();
        a.StoppedAt.Should().NotBeNull();
        (await a.MasterStatusAsync(Lease)).Should().Be(0);
        var lease = await a.Client.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default");
        lease.Spec.HolderIdentity.Should().Be("alpha", "a leader that lost its lease does not write to it again");
    }

    [Test]
    public async Task RunAsync_WhileAnotherHoldsAnUnexpiredLease_StandsBy_AndTakesItOverOnceExpired()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        var past = DateTime.UtcNow.AddHours(-1);
        await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = Lease, NamespaceProperty = "default" },
                Spec = new V1LeaseSpec { HolderIdentity = "ghost", LeaseDurationSeconds = 2, AcquireTime = past, RenewTime = past, LeaseTransitions = 4 },
            },
            "default");
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast()).Start();

        await Eventually.Until(() => a.Elector.CurrentLeader == "ghost", Wait, "alpha sees the ghost's lease");
        a.Elector.IsLeader.Should().BeFalse("the term counts from when alpha first saw the lease, not from its renewTime");
        var tookOver = await Eventually.Until(() => a.Elector.IsLeader, Wait, "alpha takes the expired lease over");

        tookOver.Should().BeGreaterThan(TimeSpan.FromSeconds(1));
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "default");
        lease.Spec.HolderIdentity.Should().Be("alpha");
        lease.Spec.LeaseTransitions.Should().Be(5);
        lease.Spec.AcquireTime.Should().BeAfter(past);
        a.NewLeaders.Should().Equal("ghost", "alpha");
    }

    [Test]
    public async Task RunAsync_WhenCalledTwice_Throws()
    {
        await using var server = await Server.StartAsync(new LocalApiServerOptions());
        await using var a = new ElectorHarness(server.BaseAddress, "alpha", Fast()).Start();

        var second = () => a.Elector.RunAsync(CancellationToken.None);

        await second.Should().ThrowAsync<InvalidOperationException>();
    }
}
