using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Operators.LocalRun;
using Operators.Testing;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>Cases 7, 8 and 10: leaders killed, both replicas restarted, a leader partitioned from the API server.</summary>
public partial class FaultMatrixTests
{
    /// <summary>
    /// The longest a standby may need after the leader is gone: it counts the lease duration from when it last saw the
    /// Lease renewed (up to one jittered retry period, 2.2 × 1 s, after the renewal), then takes it at its next
    /// attempt (another 2.2 s at most); 1 s more for polling and a loaded machine.
    /// </summary>
    private static readonly TimeSpan HandoverLimit = LeaseDuration + TimeSpan.FromSeconds(4.4 + 1);

    [Test]
    [Order(7)]
    public async Task Case07_LeaderOfEachOperatorKilledMidReconcile_StandbyTakesOverWithinTheLeaseAndNothingIsDuplicated()
    {
        const string Block = "rel07";
        var total = Stopwatch.StartNew();
        string[] hosts = ["node001-rel07", "node002-rel07", "node003-rel07"];
        await CreateBlockAsync(Block, hosts[..2]);
        await Eventually.HoldsAsync(async () => await BlockAsync(Block) is { Status.ReadyAgents: 2 }, $"{Block} gets 2 ready agents", ConvergeTimeout);
        var ledger = await NewLedgerAsync();
        var before = Running.Receiver.Received.Count;
        var killed = new List<int>();

        // One change with work for every step (a new agent, maintenance on all), then the building-block and nova-agent leaders die.
        await SetHostsAsync(Block, hosts);
        await SetMaintenanceAsync(Block, "CHG-REL crash drill");
        var handovers = await Task.WhenAll(
            KillLeaderAsync(OperatorProgram.BuildingBlock, killed),
            KillLeaderAsync(OperatorProgram.NovaAgent, killed));

        // The notifier's leader dies as soon as the transition exists, while it delivers.
        ledger.Add(await TransitionAsync(Block, entered: true));
        var notifierHandover = await KillLeaderAsync(OperatorProgram.MaintenanceNotifier, killed);
        await RestartExitedAsync();

        await SetMaintenanceAsync(Block, null);
        ledger.Add(await TransitionAsync(Block, entered: false));
        var resends = await AssertConvergedAsync(ledger, before, resendsAllowed: true, expectedExits: killed);
        await DeleteBlockAsync(Block);

        var all = handovers.Append(notifierHandover).ToList();
        Report("case 7: " + string.Join("; ", all.Select(h => h.ToString())) + $"; {resends} resends (same id); run {total.Elapsed.TotalSeconds:0.0} s");
        all.Should().OnlyContain(h => h.Lease <= HandoverLimit, $"a standby holds the Lease within the lease duration ({LeaseDuration.TotalSeconds:0} s) plus two jittered retry periods");
    }

    [Test]
    [Order(8)]
    public async Task Case08_BothReplicasOfEveryOperatorRestartedAtOnce_ANewLeaderTakesOverAndChangesConvergeOnce()
    {
        const string Block = "rel08";
        var total = Stopwatch.StartNew();
        var ledger = await NewLedgerAsync();
        var before = Running.Receiver.Received.Count;
        var restarted = new List<int>();
        var down = TimeSpan.Zero;
        var leaderBack = TimeSpan.Zero;

        foreach (var transition in await FlowChangesAsync(Block, async step =>
        {
            if (step == "maintenance requested")
            {
                // A rollout gone wrong: every replica of every operator stopped (SIGTERM) and started at once.
                var clock = Stopwatch.StartNew();
                var replicas = Running.Replicas;
                restarted.AddRange(replicas.Select(r => r.Process.Pid));
                var codes = await Task.WhenAll(replicas.Select(r => r.Process.StopAsync(TimeSpan.FromSeconds(10))));
                codes.Should().OnlyContain(c => c.ExitCode == 0 && !c.Killed, "every replica stops gracefully and releases its Lease");
                down = clock.Elapsed;
                await Task.WhenAll(replicas.Select(r => Running.StartReplicaAsync(r.Program, r.Number, CancellationToken.None)));
                await Task.WhenAll(OperatorProgram.All.Select(p => Eventually.HoldsAsync(
                    async () => await Faults.LeaseHolderAsync(p) is { } holder && Running.Replicas.Any(r => r.Program == p && r.Identity == holder),
                    $"a new replica of {p.Name} holds the Lease", ConvergeTimeout)));
                leaderBack = clock.Elapsed;
            }
        }))
        {
            ledger.Add(transition);
        }

        await AssertConvergedAsync(ledger, before, expectedExits: restarted);
        await DeleteBlockAsync(Block);
        Report($"case 8: all 6 replicas stopped in {down.TotalSeconds:0.0} s, a leader of each operator holds the Lease {leaderBack.TotalSeconds:0.0} s after the stop began; run {total.Elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    [Order(10)]
    public async Task Case10_LeaderPartitionedFromTheApiServerLongerThanTheRenewDeadline_StepsDownAndNothingIsWrittenTwice()
    {
        const string Block = "rel10";
        var total = Stopwatch.StartNew();
        var ledger = await NewLedgerAsync();
        var before = Running.Receiver.Received.Count;
        var exited = new List<int>();
        var results = new List<string>();

        foreach (var transition in await FlowChangesAsync(Block, async step =>
        {
            if (step == "maintenance requested")
            {
                // The building-block and notifier leaders lose the API server (their relays reset every connection).
                var partitioned = await Task.WhenAll(new[] { OperatorProgram.BuildingBlock, OperatorProgram.MaintenanceNotifier }.Select(PartitionLeaderAsync));
                foreach (var (leader, text) in partitioned)
                {
                    exited.Add(leader.Process.Pid);
                    results.Add(text);
                    leader.Relay!.Heal();
                }

                await RestartExitedAsync();
            }
        }))
        {
            ledger.Add(transition);
        }

        await AssertConvergedAsync(ledger, before, expectedExits: exited);
        await DeleteBlockAsync(Block);
        Report("case 10: " + string.Join("; ", results) + $"; run {total.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Cuts the leader's relay until it has stepped down (its process ends) and the standby holds the Lease.</summary>
    private async Task<(OperatorReplica Leader, string Text)> PartitionLeaderAsync(OperatorProgram program)
    {
        var leader = await LeaderAsync(program);
        var standby = Running.Replicas.Single(r => r.Program == program && r != leader);
        // Waiting for the lines from before the cut: a busy new leader's first lines leave the 200-line history quickly.
        using var deadline = new CancellationTokenSource(ConvergeTimeout);
        var lostLine = leader.Process.WaitForLineAsync(l => l.Contains("Lost leader lease", StringComparison.Ordinal), ConvergeTimeout, deadline.Token);
        var acquiredLine = standby.Process.WaitForLineAsync(l => l.Contains("Acquired leader lease", StringComparison.Ordinal), ConvergeTimeout, deadline.Token);
        var clock = Stopwatch.StartNew();
        var cutAt = DateTimeOffset.UtcNow;
        leader.Relay!.Cut();
        var exitCode = await leader.Process.Exited.WaitAsync(TimeSpan.FromSeconds(20));
        var steppedDown = clock.Elapsed;
        await Eventually.HoldsAsync(async () => await Faults.LeaseHolderAsync(program) == standby.Identity, $"the standby of {program.Name} holds the Lease", ConvergeTimeout);
        var takenOver = clock.Elapsed;

        exitCode.Should().Be(1, "a leader that cannot renew steps down and ends its process");
        var lost = LogTime(await lostLine);
        var acquired = LogTime(await acquiredLine);
        acquired.Should().BeAfter(lost, "the standby leads only after the partitioned leader stopped: never two leaders at once");
        // The deadline runs from the last successful renewal, which came up to one retry period (plus its request) before the cut.
        steppedDown.Should().BeGreaterThanOrEqualTo(
            RenewDeadline - RetryPeriod - TimeSpan.FromSeconds(0.5), $"it keeps trying for the renew deadline ({RenewDeadline.TotalSeconds:0} s) since its last renewal first");
        return (leader, $"{program.Name}: partitioned leader stepped down {steppedDown.TotalSeconds:0.0} s after the cut, standby leads {takenOver.TotalSeconds:0.0} s after it " +
            $"({(acquired - lost).TotalSeconds:0.0} s after the old leader stopped; cut at {cutAt:HH:mm:ss})");
    }

    /// <summary>SIGKILLs the leader of <paramref name="program"/> and measures how long until the standby holds the Lease and runs its controllers.</summary>
    private async Task<Handover> KillLeaderAsync(OperatorProgram program, List<int> killed)
    {
        var leader = await LeaderAsync(program);
        var standby = Running.Replicas.Single(r => r.Program == program && r != leader);
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        leader.Process.Kill();
        lock (killed)
        {
            killed.Add(leader.Process.Pid);
        }

        await Eventually.HoldsAsync(async () => await Faults.LeaseHolderAsync(program) == standby.Identity, $"the standby of {program.Name} holds the Lease", ConvergeTimeout);
        var lease = clock.Elapsed;
        await Eventually.HoldsAsync(
            () => standby.Process.RecentLines.Any(l => l.Contains("controllers", StringComparison.Ordinal) && l.Contains("Starting", StringComparison.Ordinal) && LogTime(l) >= killedAt.AddMilliseconds(-5)),
            $"the standby of {program.Name} starts its controllers", ConvergeTimeout);
        return new Handover(program.Name, lease, clock.Elapsed);
    }

    private async Task<OperatorReplica> LeaderAsync(OperatorProgram program)
    {
        OperatorReplica? leader = null;
        await Eventually.HoldsAsync(
            async () => await Faults.LeaseHolderAsync(program) is { } holder
                && (leader = Running.Replicas.SingleOrDefault(r => r.Program == program && !r.Process.HasExited && r.Identity == holder)) is not null,
            $"one running replica of {program.Name} holds the Lease", ConvergeTimeout);
        return leader!;
    }

    /// <summary>Starts again every replica whose process ended (as the kubelet would), in parallel.</summary>
    private Task RestartExitedAsync() =>
        Task.WhenAll(Running.Replicas.Where(r => r.Process.HasExited).Select(r => Running.StartReplicaAsync(r.Program, r.Number, CancellationToken.None)));

    private static DateTimeOffset LogTime(string line) =>
        DateTimeOffset.TryParse(line.Split(' ', 2)[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue;

    /// <summary>One measured handover.</summary>
    private sealed record Handover(string Operator, TimeSpan Lease, TimeSpan Reconciling)
    {
        public override string ToString() =>
            $"{Operator}: standby holds the Lease {Lease.TotalSeconds:0.0} s after the SIGKILL, runs its controllers after {Reconciling.TotalSeconds:0.0} s";
    }
}
