using FluentAssertions;
using Operators.Soak;
using Operators.Testing;

namespace Operators.Reliability.Tests.Soak;

/// <summary>
/// The CI version of <c>make soak</c>: the same program logic (<see cref="SoakRunner"/>), 3 minutes of random
/// changes and faults against the three operator processes, then the invariants and the memory slope.
/// It shares the machine with the other test assemblies, so it samples every 5 s and changes gently.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class SoakTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);

    // The slope of 3 minutes is noisy, so the CI run is only meant to catch a leak of several MiB per minute
    // (the 30-minute `make soak` catches slower ones). The warm-up is the first 90 s of the changes (the
    // processes have run ~25-50 s more before them), during which the soak tours every kind of change and fault
    // once, so first-time costs (a reconnect after the first API server restart cost the notifier a step of
    // ~8 MiB) land there. After it, memory still creeps towards its plateau (JIT tiering, caches, the GC's gen2
    // budget): measured 55-210 MiB/h for the four processes over three runs, nova-agent the highest. The fit
    // has 90 s, 19 samples. The limit, 360 MiB/h = 6 MiB per minute, keeps a margin of 1.7x over that and
    // fails a leak of more than ~100 KiB per reconcile at this change rate (~1 reconcile/s per operator).
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(90);

    private const double MaxSlopeMiBPerHour = 360;

    [Test]
    [CancelAfter(9 * 60 * 1000)]
    public async Task Three_minutes_of_random_changes_and_faults_end_converged_with_every_transition_notified_once_and_flat_memory(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("soak-").FullName;
        var options = new SoakOptions
        {
            Duration = Duration,
            SampleInterval = TimeSpan.FromSeconds(5),
            Warmup = Warmup,
            MaxSlopeMiBPerHour = MaxSlopeMiBPerHour,
            ChangeInterval = TimeSpan.FromSeconds(4),
            FaultInterval = TimeSpan.FromSeconds(20),
            RunDirectory = folder,
            Configuration = TestRepository.Layout.Configuration,
        };
        try
        {
            var log = new SoakLog(TestContext.Progress, TimeProvider.System);
            var result = await new SoakRunner(options, TestRepository.Layout, log, TimeProvider.System).RunAsync(cancellationToken);
            var report = ReportWriter.Render(result);
            var reportFile = Path.Combine(TestContext.CurrentContext.WorkDirectory, "soak-report.md");
            await File.WriteAllTextAsync(reportFile, report, cancellationToken);
            TestContext.AddTestAttachment(reportFile, "the soak report");
            await TestContext.Out.WriteLineAsync(report);

            var because = $"seed {result.Seed} (repeat: make soak SOAK_MINUTES=3 SOAK_ARGS='--seed {result.Seed}'); the report is above";
            result.Changes.Values.Sum().Should().BeGreaterThan(15, because);
            result.Changes.Should().ContainKeys(["maintenance entered", "host added"], because);
            result.Faults.Values.Sum(f => f.Count).Should().BeGreaterThan(2, because);
            result.Notifications.Transitions.Should().BePositive(because);
            result.ConvergedAfter.Should().NotBeNull(because + ": " + string.Join("; ", result.ConvergenceProblems));
            result.Notifications.Violations.Should().BeEmpty(because);
            result.Deaths.Should().BeEmpty(because);
            result.Slopes.Should().HaveCount(4, because);
            result.Slopes.Should().AllSatisfy(s => s.SustainedMiBPerHour.Should().NotBeNull().And.BeLessThanOrEqualTo(MaxSlopeMiBPerHour, $"{s.Process}: {because}"));
            result.Passed.Should().BeTrue(because);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A log still being written; the temp folder is cleaned by the OS.
            }
        }
    }
}
