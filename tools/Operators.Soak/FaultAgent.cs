using System.Globalization;
using System.Text.Json.Nodes;

namespace Operators.Soak;

/// <summary>
/// Injects one random fault at a time through the local API server's <c>/_local/*</c> endpoints, holds it for a
/// bounded time, heals it, and pauses: failing requests (500/503, 429 with <c>Retry-After</c>, 409 on status
/// writes) on one of the operators' resources, dropped watches, compacted history, added latency, a restart
/// of the API server's listener. It starts with a tour of every kind, held briefly. Leases are never failed and a restart's downtime stays well below the renew
/// deadline (10 s), so no fault is meant to cost an operator its leadership: a process that exits is a finding.
/// </summary>
internal sealed class FaultAgent(ResilientApi api, Random random, TimeProvider time, SoakLog log)
{
    /// <summary>The shortest time a fault is held.</summary>
    public static readonly TimeSpan MinHold = TimeSpan.FromSeconds(5);

    /// <summary>The longest time a fault is held.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(20);

    /// <summary>How long each fault of the warm-up tour is held.</summary>
    public static readonly TimeSpan TourHold = TimeSpan.FromSeconds(3);

    /// <summary>The pause before each fault of the warm-up tour.</summary>
    public static readonly TimeSpan TourPause = TimeSpan.FromSeconds(2);

    private const int Kinds = 7;

    private static readonly string[] Resources =
    [
        "buildingblocks", "buildingblocks/status", "novaagents", "novaagents/status", "configmaps", "deployments",
        "maintenancenotifiers", "maintenancenotifiers/status", "secrets", "events",
    ];

    private static readonly string[] StatusResources = ["buildingblocks/status", "novaagents/status", "maintenancenotifiers/status"];

    private readonly Dictionary<string, (int Count, TimeSpan Held)> _counts = new(StringComparer.Ordinal);

    /// <summary>Gets how often each kind of fault was injected and for how long in total.</summary>
    public IReadOnlyDictionary<string, (int Count, TimeSpan Held)> Counts => _counts;

    /// <summary>Injects faults until <paramref name="stop"/> is cancelled, then heals.</summary>
    /// <param name="interval">The mean quiet time between two faults.</param>
    /// <param name="stop">Ends the faults.</param>
    /// <returns>A task that completes when stopped and healed.</returns>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        // The warm-up tour: every kind once, briefly, so that what a fault costs the first time (reconnects,
        // first exceptions, code paths run once) lands in the warm-up rather than in the measured slope.
        var tour = new Queue<int>(Enumerable.Range(0, Kinds).OrderBy(_ => random.Next()));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var touring = tour.Count > 0;
                await Task.Delay(touring ? TourPause : interval * (0.5 + random.NextDouble()), time, stop);
                await InjectOnceAsync(touring ? tour.Dequeue() : random.Next(Kinds), touring ? TourHold : null, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (SoakApiException e)
            {
                log.Write($"fault injection failed: {e.Message}");
            }
        }
    }

    /// <summary>Removes every rule, the latency and any partition, and waits until the server answers.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when healed.</returns>
    public async Task HealAsync(CancellationToken cancellationToken)
    {
        await api.DeleteAsync("/_local/faults", cancellationToken);
        await api.GetAsync("/version", cancellationToken);
    }

    private async Task InjectOnceAsync(int kind, TimeSpan? tourHold, CancellationToken stop)
    {
        var hold = tourHold ?? MinHold + ((MaxHold - MinHold) * random.NextDouble());
        var seconds = (int)Math.Ceiling(hold.TotalSeconds);
        var started = time.GetTimestamp();
        string what;
        switch (kind)
        {
            case 0:
                var ratio = 0.1 + (0.2 * random.NextDouble());
                var code = random.Next(2) == 0 ? 500 : 503;
                var resource = Resources[random.Next(Resources.Length)];
                what = Invariant($"{code} on {ratio:P0} of requests to {resource} for {seconds} s");
                await AddRuleAsync(new JsonObject { ["ratio"] = ratio, ["durationSeconds"] = seconds, ["statusCode"] = code, ["resource"] = resource }, stop);
                break;
            case 1:
                var retryAfter = 1 + random.Next(3);
                resource = Resources[random.Next(Resources.Length)];
                what = Invariant($"429 (Retry-After {retryAfter} s) on 30% of requests to {resource} for {seconds} s");
                await AddRuleAsync(new JsonObject
                {
                    ["ratio"] = 0.3,
                    ["durationSeconds"] = seconds,
                    ["statusCode"] = 429,
                    ["retryAfterSeconds"] = retryAfter,
                    ["resource"] = resource,
                }, stop);
                break;
            case 2:
                resource = StatusResources[random.Next(StatusResources.Length)];
                what = Invariant($"409 Conflict on 30% of updates of {resource} for {seconds} s");
                await AddRuleAsync(new JsonObject { ["ratio"] = 0.3, ["durationSeconds"] = seconds, ["statusCode"] = 409, ["verb"] = "update", ["resource"] = resource }, stop);
                break;
            case 3:
                what = Invariant($"every watch dropped every 2 s for {seconds} s");
                Start(what);
                await DropWatchesAsync(hold, stop);
                break;
            case 4:
                what = "history compacted, every watch dropped (resumes get 410 and relist)";
                hold = TimeSpan.Zero;
                Start(what);
                await api.PostAsync("/_local/compact", null, stop);
                await api.PostAsync("/_local/drop-watches", null, stop);
                break;
            case 5:
                var latency = 50 + random.Next(350);
                what = Invariant($"{latency} ms latency on every request for {seconds} s");
                Start(what);
                await api.PostAsync(Invariant($"/_local/latency?ms={latency}"), null, stop);
                break;
            default:
                var downtime = 500 + random.Next(2_500);
                what = Invariant($"API server restart, {downtime} ms down");
                hold = TimeSpan.Zero;
                Start(what);
                await api.PostAsync(Invariant($"/_local/restart?downtimeMs={downtime}"), null, stop);
                await Task.Delay(TimeSpan.FromMilliseconds(downtime), time, stop);
                break;
        }

        try
        {
            var remaining = hold - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time, stop);
            }
        }
        finally
        {
            await HealAsync(CancellationToken.None);
            var (count, held) = _counts.GetValueOrDefault(Kind(what));
            _counts[Kind(what)] = (count + 1, held + time.GetElapsedTime(started));
            log.Write($"healed: {what}");
        }

        void Start(string description) => log.Write($"fault: {description}");

        async Task AddRuleAsync(JsonObject rule, CancellationToken cancellationToken)
        {
            log.Write($"fault: {what}");
            await api.PostAsync("/_local/faults", rule, cancellationToken);
        }
    }

    private async Task DropWatchesAsync(TimeSpan hold, CancellationToken stop)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < hold)
        {
            await api.PostAsync("/_local/drop-watches", null, stop);
            await Task.Delay(TimeSpan.FromSeconds(2), time, stop);
        }
    }

    // The kind of a fault for the report: its description without the numbers.
    private static string Kind(string what) => what switch
    {
        _ when what.StartsWith("500", StringComparison.Ordinal) || what.StartsWith("503", StringComparison.Ordinal) => "500/503 on a share of requests",
        _ when what.StartsWith("429", StringComparison.Ordinal) => "429 with Retry-After",
        _ when what.StartsWith("409", StringComparison.Ordinal) => "409 on status updates",
        _ when what.StartsWith("every watch", StringComparison.Ordinal) => "watches dropped every 2 s",
        _ when what.StartsWith("history", StringComparison.Ordinal) => "history compacted",
        _ when what.Contains("latency", StringComparison.Ordinal) => "added latency",
        _ => "API server restart",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
