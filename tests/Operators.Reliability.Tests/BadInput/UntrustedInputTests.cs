using System.Diagnostics;
using FluentAssertions;
using Operators.Api.BuildingBlocks;
using Operators.Api.MaintenanceNotifiers;
using Operators.Api.NovaAgents;
using Operators.LocalRun;
using Operators.Reliability.Tests.BadInput;
using Operators.Reliability.Tests.Security;
using Operators.Testing;

namespace Operators.Reliability.Tests;

/// <summary>
/// What the system must not trust, on one running system (the three operators as processes, the samples applied;
/// one system start for all of it keeps CI time down). The tests run in order:
/// <list type="number">
/// <item>the bad-input corpus (this file, <c>BadInput/Corpus/*.yaml</c>): every invalid or hostile object ends in a
/// 422 naming its field or in a failure condition naming the problem; then, over one 30 s window, no operator loops
/// (reconciles bounded by backoff), none dies, nothing is written, and the sample objects around the corpus are
/// exactly as they were;</item>
/// <item>secrets (<c>Security/SecretScanTests.cs</c>): webhook URLs and signing keys from Secrets, driven through
/// deliveries, a wrong key and a rotation, never show up in a log line, Event, status or metric;</item>
/// <item>untrusted TLS (<c>Security/UntrustedTlsTests.cs</c>): a webhook whose certificate nobody trusts is refused
/// with a Degraded message naming the certificate problem.</item>
/// </list>
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed partial class UntrustedInputTests : SystemTestBase
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private static readonly string[] SampleBlocks = ["bb091", "bb092", "bb164"];

    private static readonly string[] SampleNotifiers = ["compute-oncall", "slack-compute-qa-de-1"];

    /// <summary>The values of the corpus's Secrets (BadInput/Corpus/maintenance-notifiers.yaml).</summary>
    private static readonly string[] CorpusSecrets =
        ["https://hooks.example.com/services/T0CORPUS/B0CORPUS/wrongkeysecretvalue", "corpus-secret-not-a-url-value", "corpus-signing-hunter2"];

    private static readonly (OperatorProgram Program, string Kind, int Informers)[] Controllers =
    [
        (OperatorProgram.BuildingBlock, "buildingblocks", 2),
        (OperatorProgram.NovaAgent, "novaagents", 3),
        (OperatorProgram.MaintenanceNotifier, "maintenancenotifiers", 3),
    ];

    private IReadOnlyDictionary<string, string>? _samplesBefore;
    private Dictionary<OperatorProgram, int> _pids = [];

    [Test]
    [Order(1)]
    public void Corpus_HasAtLeastFortyCases_CoveringAllThreeKinds_WithUniqueNames()
    {
        var cases = CorpusLoader.LoadAll(Namespace);

        cases.Should().HaveCountGreaterThanOrEqualTo(40);
        cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        cases.Select(c => c.ObjectName).Should().OnlyHaveUniqueItems("each case has its own object");
        cases.Select(c => c.Kind).Distinct().Should().BeEquivalentTo(["BuildingBlock", "NovaAgent", "MaintenanceNotifier"]);
        cases.Count(c => c.Expect.IsRefusal).Should().BeGreaterThan(0);
        cases.Count(c => !c.Expect.IsRefusal).Should().BeGreaterThan(0);
        cases.Count(c => c.ViaKubectl).Should().BeGreaterThanOrEqualTo(3, "some are checked as a person sees them");
    }

    [Test]
    [Order(2)]
    public async Task EveryBadInput_EndsInA422NamingTheField_OrInAFailureConditionNamingTheProblem()
    {
        await WaitForSamplesAsync();
        _samplesBefore = Samples(await ObjectVersions.ReadAsync(Running.Local.Api, Namespace, CancellationToken.None));
        _pids = Running.Operators.ToDictionary(p => p.Key, p => p.Value.Pid);
        var cases = CorpusLoader.LoadAll(Namespace);
        var watch = Stopwatch.StartNew();

        var outcomes = await new CorpusRunner(Running, Namespace).RunAsync(cases, CancellationToken.None);

        TestContext.Out.WriteLine($"{cases.Count} cases in {watch.Elapsed.TotalSeconds:0.0} s");
        TestContext.Out.WriteLine("| case | via | expected | actual | |");
        TestContext.Out.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var outcome in outcomes)
        {
            TestContext.Out.WriteLine(outcome.Row());
        }

        outcomes.Where(o => !o.Passed).Select(o => $"{o.Case.Name} ({o.Case.Why}): expected {o.Case.Expect}, got {o.Actual}")
            .Should().BeEmpty("every bad input ends as its case says");
    }

    [Test]
    [Order(3)]
    public async Task AfterTheCorpus_OverThirtySeconds_NoOperatorLoopsOrDies_NothingIsWritten_AndTheSamplesAreUntouched()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var keys = new Dictionary<OperatorProgram, int>();
        var before = new Dictionary<OperatorProgram, ReconcileCounts>();
        var versionsBefore = await ObjectVersions.ReadAsync(Running.Local.Api, Namespace, CancellationToken.None);
        foreach (var (program, kind, _) in Controllers)
        {
            keys[program] = versionsBefore.Keys.Count(k => k.StartsWith(kind + "/", StringComparison.Ordinal));
            before[program] = await ReconcileCounts.ScrapeAsync(http, Running.Local.Endpoints[program].Metrics, CancellationToken.None);
        }

        // The measurement window: a fixed length by design; liveness is checked every second within it.
        var window = Stopwatch.StartNew();
        while (window.Elapsed < Window)
        {
            Running.Supervisor.Children.Where(c => c.HasExited).Select(c => c.Name).Should().BeEmpty("no process dies");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var elapsed = window.Elapsed;
        var versionsAfter = await ObjectVersions.ReadAsync(Running.Local.Api, Namespace, CancellationToken.None);
        var report = new List<string>();
        foreach (var (program, _, informers) in Controllers)
        {
            var counts = (await ReconcileCounts.ScrapeAsync(http, Running.Local.Endpoints[program].Metrics, CancellationToken.None)).Since(before[program]);
            var bound = new ReconcileBound(keys[program], informers, ReconcileBound.SyncPeriodOf(Running.Operators[program].Spec.Arguments));
            report.Add($"{program.Name}: {counts} reconciles in {elapsed.TotalSeconds:0.0} s for {keys[program]} objects; bound {bound.For(elapsed)}");
            counts.Total.Should().BeLessThanOrEqualTo(bound.For(elapsed), $"{program.Name} reconciles are bounded by backoff ({bound})");
            counts.Errors.Should().BeLessThanOrEqualTo(keys[program] * ReconcileBound.RetriesPerKey(elapsed), $"{program.Name} retries failures with backoff");
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, report));
        Running.Operators.ToDictionary(p => p.Key, p => p.Value.Pid).Should().BeEquivalentTo(_pids, "no operator was restarted");
        Running.Supervisor.Children.Where(c => c.HasExited).Select(c => c.Name).Should().BeEmpty("no process died");
        ObjectVersions.Changed(versionsBefore, versionsAfter).Should().BeEmpty("nothing is written once the corpus has settled");
        _samplesBefore.Should().NotBeNull("the corpus ran first");
        ObjectVersions.Changed(_samplesBefore!, Samples(versionsAfter)).Should().BeEmpty("the samples are exactly as they were before the corpus");
        await WaitForSamplesAsync();
    }

    [Test]
    [Order(4)]
    public async Task TheSecretValuesOfTheCorpus_AppearInNoLogEventStatusOrMetric()
    {
        await SecretScan.AssertNoLeaksAsync(Running, CorpusSecrets);
    }

    private async Task WaitForSamplesAsync()
    {
        foreach (var block in SampleBlocks)
        {
            await Eventually.HoldsAsync(
                async () => await BlockAsync(block) is { Status: { } s } && Has(s.Conditions, BuildingBlockConditions.Ready, "True", BuildingBlockConditions.AllAgentsReady),
                $"sample block {block} is Ready");
        }

        foreach (var agent in (await Client.For<V1Alpha1NovaAgent>().ListAsync(Namespace)).Items.Where(a => !a.Metadata.Name.StartsWith("bad-", StringComparison.Ordinal)))
        {
            Has(agent.Status?.Conditions, NovaAgentConditions.Ready, "True").Should().BeTrue($"sample agent {agent.Metadata.Name} is Ready");
        }

        foreach (var notifier in SampleNotifiers)
        {
            await Eventually.HoldsAsync(
                async () => await NotifierAsync(notifier) is { Status: { } s } && Has(s.Conditions, MaintenanceNotifierConditions.Ready, "True") && s.MatchedBuildingBlocks == 2,
                $"sample notifier {notifier} is Ready and matches its 2 blocks");
        }
    }

    /// <summary>The versions of the sample objects only: everything the corpus did not create.</summary>
    private static Dictionary<string, string> Samples(IReadOnlyDictionary<string, string> versions) =>
        versions.Where(p => !p.Key.Contains("/bad-", StringComparison.Ordinal) && !p.Key.Contains("/nova-compute-bad-", StringComparison.Ordinal)
                && !p.Key.Contains("/Bad_", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
