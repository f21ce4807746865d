using System.Collections.Concurrent;
using k8s;
using Operators.Runtime.LeaderElection;
using Prometheus;

namespace Operators.Runtime.Tests.LeaderElection;

/// <summary>One candidate in an integration test: its own client (user agent), registry and recorded callbacks.</summary>
internal sealed class ElectorHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public ElectorHarness(Uri server, string name, LeaderElectionOptions options)
    {
        Client = new Kubernetes(new KubernetesClientConfiguration { Host = server.ToString(), UserAgent = name + "-agent" });
        Registry = Metrics.NewCustomRegistry();
        options.Identity = name;
        Elector = new LeaderElector(
            Client,
            options,
            new LeaderElectionCallbacks
            {
                OnStartedLeading = async token =>
                {
                    StartedAt = DateTimeOffset.UtcNow;
                    var cancelled = new TaskCompletionSource();
                    await using var registration = token.Register(() => cancelled.TrySetResult());
                    await cancelled.Task;
                    WorkCancelledAt = DateTimeOffset.UtcNow;
                },
                OnStoppedLeading = () => StoppedAt = DateTimeOffset.UtcNow,
                OnNewLeader = NewLeaders.Enqueue,
            },
            registry: Registry);
    }

    public Kubernetes Client { get; }

    public CollectorRegistry Registry { get; }

    public LeaderElector Elector { get; }

    public Task? Run { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? WorkCancelledAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public ConcurrentQueue<string> NewLeaders { get; } = new();

    public ElectorHarness Start()
    {
        Run = Elector.RunAsync(_stop.Token);
        return this;
    }

    public Task StopAsync() => _stop.CancelAsync();

    /// <summary>The value of <c>leader_election_master_status{name=lease}</c>, or null when not exported.</summary>
    public async Task<double?> MasterStatusAsync(string lease)
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        var prefix = $"leader_election_master_status{{name=\"{lease}\"}} ";
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Run is not null)
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
        Client.Dispose();
    }
}
