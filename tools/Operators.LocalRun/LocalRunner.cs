namespace Operators.LocalRun;

/// <summary>
/// <c>make run</c> from start to Ctrl-C: checks the prerequisites, starts the API server, the CRDs,
/// the receiver and the three operators, applies the samples, prints what to try and then the
/// summary until cancelled; then stops every process.
/// </summary>
internal sealed class LocalRunner(LocalRunOptions options, RepositoryLayout layout, LineRelay relay, TimeProvider time)
{
    /// <summary>The prefix of the launcher's own lines.</summary>
    public const string Prefix = "run";

    private Func<IReadOnlyList<ChildProcess>> _children = () => [];

    /// <summary>Kills every child at once (a second Ctrl-C), without waiting for graceful shutdowns.</summary>
    public void KillNow()
    {
        foreach (var child in _children())
        {
            child.Kill();
        }
    }

    /// <summary>Runs until <paramref name="stop"/> is cancelled or the API server exits.</summary>
    /// <param name="stop">Cancelled by Ctrl-C or SIGTERM.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="LaunchException">A prerequisite is missing or a part did not start.</exception>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var runDirectory = Path.Combine(layout.Root, options.RunDirectory);
        Directory.CreateDirectory(runDirectory);
        var pidFile = Path.Combine(runDirectory, "pids");
        foreach (var leftover in await ProcessSupervisor.StopLeftoversAsync(pidFile, time))
        {
            Say($"stopped {leftover}, left running by an earlier run");
        }

        layout.RequireBuilt();
        FreePorts.Require(options.Port, "the API server", "pick another: make run PORT=6444");
        FreePorts.Require(options.ReceiverPort, "the webhook receiver of the samples", "pass --receiver-port to the launcher");
        var samplesFile = options.Samples is { } s ? Path.Combine(layout.Root, s) : layout.SamplesFile;
        var signingSecret = SampleManifests.SigningSecret(SampleManifests.Load(samplesFile, SampleManifests.DefaultReceiver));

        var supervisor = new ProcessSupervisor(relay.Relay, pidFile, time);
        _children = () => supervisor.Children;
        await using var system = new LocalSystem(layout, runDirectory, supervisor, time);
        try
        {
            Say("starting the local API server ...");
            var api = await system.StartApiServerAsync(options.Port, options.DeploymentReadyDelay, stop);
            Say($"API server ready at {system.Api.BaseAddress}; kubeconfig {Path.GetRelativePath(layout.Root, system.Kubeconfig)}");

            var crds = await system.InstallCrdsAsync(stop);
            Say($"CRDs installed from the charts: {string.Join(", ", crds.Select(c => c.Name))}");
            await system.EnsureNamespaceAsync(LocalSystem.OperatorNamespace, stop);

            var receiver = await system.StartReceiverAsync(options.ReceiverPort, signingSecret, stop);
            var samples = SampleManifests.Load(samplesFile, receiver);
            Say("starting the operators (one process each, leader election on) ...");
            await Task.WhenAll(OperatorProgram.All.Select(p => system.StartOperatorAsync(p, stop)));
            Say("operators ready: " + string.Join(", ", system.Endpoints.Select(e => $"{e.Key.Name} (metrics :{e.Value.MetricsPort})")));

            foreach (var applied in await system.ApplyAsync(samples, stop))
            {
                Say(applied.ToString());
            }

            var logs = Path.GetRelativePath(layout.Root, Path.Combine(runDirectory, "logs")) + "/";
            relay.WriteBlock(Instructions.Lines(system.Kubeconfig, logs, system.Endpoints, Instructions.OnPath("kubectl")));
            var client = system.CreateClient();
            using var kubernetes = client.Kubernetes;
            using var summaryStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var summaries = new SummaryPrinter(client, relay, time) { Interval = options.SummaryInterval }.RunAsync(summaryStop.Token);
            var code = await WatchChildrenAsync(supervisor, api, stop);
            await summaryStop.CancelAsync();
            await summaries;
            return code;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            Say("stopping ...");
            var killed = await supervisor.StopAllAsync();
            Say(killed.Count == 0 ? "every process stopped cleanly" : $"stopped; had to kill {string.Join(", ", killed)}");
        }
    }

    private async Task<int> WatchChildrenAsync(ProcessSupervisor supervisor, ChildProcess api, CancellationToken stop)
    {
        var reported = new HashSet<ChildProcess>();
        var cancelled = Task.Delay(Timeout.Infinite, stop);
        while (!stop.IsCancellationRequested)
        {
            var running = supervisor.Children.Where(c => !reported.Contains(c)).ToList();
            var first = await Task.WhenAny(running.Select(c => (Task)c.Exited).Append(cancelled));
            if (first == cancelled)
            {
                break;
            }

            foreach (var child in running.Where(c => c.HasExited))
            {
                reported.Add(child);
                if (child == api)
                {
                    Say($"the API server exited (code {await child.Exited}); stopping everything");
                    return 1;
                }

                Say($"{child.Name} exited (code {await child.Exited}); the rest keeps running (Ctrl-C stops all)");
            }
        }

        return 0;
    }

    private void Say(string text) => relay.Write(Prefix, text);
}
