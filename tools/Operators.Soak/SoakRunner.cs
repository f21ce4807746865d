using System.Globalization;
using Operators.LocalRun;

namespace Operators.Soak;

/// <summary>
/// One soak run: starts the sample system, waits until it converged, then for <see cref="SoakOptions.Duration"/>
/// applies random changes and random faults while sampling; then heals everything, waits for convergence and
/// checks the invariants (converged, notifications exactly once, no process died, memory flat after warm-up).
/// </summary>
internal sealed class SoakRunner(SoakOptions options, RepositoryLayout layout, SoakLog log, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private volatile bool _stopping;

    /// <summary>Runs the soak.</summary>
    /// <param name="cancellationToken">Ends the run early (the result then covers what ran).</param>
    /// <returns>The result.</returns>
    /// <exception cref="LaunchException">The system did not start or did not converge before the changes.</exception>
    public async Task<SoakResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seed = options.Seed ?? Random.Shared.Next();
        log.Write($"seed {seed} (repeat with --seed {seed}); {options.Duration.TotalMinutes:0.#} min; faults {(options.Faults ? "on" : "off")}");
        var runDirectory = Path.Combine(layout.Root, options.RunDirectory);
        log.Write($"starting the API server, the CRDs, the three operators and the samples (logs in {Path.Combine(runDirectory, "logs")}) ...");
        await using var system = await SoakSystem.StartAsync(layout, runDirectory, cancellationToken);
        var api = new ResilientApi(system.Local.Api, time);
        var blocks = (await api.ListAsync(ResilientApi.CustomResources + "buildingblocks", cancellationToken)).Select(b => new DesiredBlock(b)).ToList();
        var notifiers = (await api.ListAsync(ResilientApi.CustomResources + "maintenancenotifiers", cancellationToken)).Select(n => new DesiredNotifier(n)).ToList();
        var ledger = new TransitionLedger(notifiers);
        var convergence = new ConvergenceCheck(api, blocks, notifiers, ledger);
        if (await ConvergeAsync(convergence, cancellationToken) is { Count: > 0 } initial)
        {
            throw new LaunchException("the sample system did not converge before the soak: " + string.Join("; ", initial));
        }

        log.Write($"converged: {blocks.Count} blocks, {blocks.Sum(b => b.Hosts.Count)} hosts, {notifiers.Count} notifiers; changes start");
        var started = time.GetTimestamp();
        var deaths = WatchForDeaths(system, started);
        using var sampler = new Sampler(system, api, time);
        var changes = new ChangeAgent(api, blocks, notifiers, ledger, new Random(seed), time, log);
        var faults = new FaultAgent(api, new Random(unchecked(seed * 31) + 7), time, log);
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stop.CancelAfter(options.Duration);
            var progress = ReportProgressAsync(sampler, stop.Token);
            await Task.WhenAll(
                sampler.RunAsync(options.SampleInterval, started, stop.Token),
                changes.RunAsync(options.ChangeInterval, stop.Token),
                options.Faults ? faults.RunAsync(options.FaultInterval, stop.Token) : Task.CompletedTask,
                progress);
        }

        await sampler.TakeAsync(started, CancellationToken.None);
        log.Write("healing: faults cleared, maintenance left (once settled), notifiers resumed; waiting for convergence ...");
        await faults.HealAsync(cancellationToken);
        await changes.HealAsync(options.ConvergenceTimeout, cancellationToken);
        var healed = time.GetTimestamp();
        var problems = await ConvergeAsync(convergence, cancellationToken);
        var convergedAfter = problems.Count == 0 ? time.GetElapsedTime(healed) : (TimeSpan?)null;
        log.Write(convergedAfter is { } t ? $"converged {t.TotalSeconds:0} s after the heal" : "NOT converged: " + string.Join("; ", problems));
        var result = new SoakResult
        {
            Options = options,
            Seed = seed,
            Samples = sampler.Samples,
            Changes = changes.Counts,
            Faults = faults.Counts,
            ConvergedAfter = convergedAfter,
            ConvergenceProblems = problems,
            Notifications = NotificationCheck.Check(ledger.Expected, ledger.RecordedIds, system.Receiver.Received),
            Deaths = Snapshot(deaths),
            Slopes = MemorySlope.Fit([.. sampler.Samples.Where(s => s.Elapsed <= options.Duration + options.SampleInterval)], options.EffectiveWarmup),
        };
        _stopping = true;
        log.Write("stopping the processes ...");
        return result;
    }

    private async Task<IReadOnlyList<string>> ConvergeAsync(ConvergenceCheck convergence, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var problems = await convergence.ProblemsAsync(cancellationToken);
            if (problems.Count == 0 || time.GetElapsedTime(started) > options.ConvergenceTimeout)
            {
                return problems;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private List<ProcessDeath> WatchForDeaths(SoakSystem system, long started)
    {
        var deaths = new List<ProcessDeath>();
        foreach (var child in system.Sampled)
        {
            _ = child.Exited.ContinueWith(
                exited =>
                {
                    if (_stopping)
                    {
                        return;
                    }

                    lock (deaths)
                    {
                        deaths.Add(new ProcessDeath(child.Name, time.GetElapsedTime(started), exited.Result, child.RecentLines is { Count: > 0 } lines ? lines[^1] : string.Empty));
                    }

                    log.Write($"{child.Name} exited (code {exited.Result})");
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
        }

        return deaths;
    }

    private static List<ProcessDeath> Snapshot(List<ProcessDeath> deaths)
    {
        lock (deaths)
        {
            return [.. deaths];
        }
    }

    private async Task ReportProgressAsync(Sampler sampler, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (sampler.Samples is { Count: > 0 } samples)
                {
                    var last = samples[^1];
                    log.Write("RSS MiB " + string.Join(", ", last.RssMiB.Select(p => $"{p.Key} {p.Value:0}")) +
                        $"; reconciles {last.Reconciles.Values.Sum():0}; writes {last.Writes?.ToString(CultureInfo.InvariantCulture) ?? "-"}; notifications {last.Notifications}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
