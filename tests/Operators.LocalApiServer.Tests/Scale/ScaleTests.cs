using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Operators.LocalApiServer.Tests.Scale;

/// <summary>
/// The server under load: 1,000 concurrent watches open while 100,000 objects are stored.
/// Checks that nothing fails and every watcher gets exactly its events; prints the memory used.
/// </summary>
[NonParallelizable]
public sealed class ScaleTests
{
    private const int Namespaces = 100;
    private const int WatchesPerNamespace = 10;
    private const int Objects = 100_000;
    private const int WatchedEvery = 100;

    [Test]
    public async Task ThousandWatches_AndHundredThousandObjects_AllServedWithoutErrors()
    {
        await using var server = await LocalApiServer.StartAsync(new LocalApiServerOptions { HistoryLimit = 200_000, WatchBufferEvents = 1_000 });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2_000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var n = 0; n < Namespaces; n++)
        {
            (await http.PostAsJsonAsync("api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "scale-" + n } })).EnsureSuccessStatusCode();
        }

        using var stop = new CancellationTokenSource();
        var watchers = Enumerable.Range(0, Namespaces * WatchesPerNamespace)
            .Select(i => CountAddedAsync(http, $"api/v1/namespaces/scale-{i % Namespaces}/configmaps?watch=true&labelSelector=watched%3Dyes&timeoutSeconds=600", stop.Token))
            .ToList();
        (await WaitUntilAsync(() => server.Requests.Get("watch", "configmaps") == watchers.Count, TimeSpan.FromSeconds(60))).Should().BeTrue();

        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var labels = new JsonObject { ["watched"] = i / Namespaces % WatchedEvery == 0 ? "yes" : "no" };
            var body = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = "cm-" + i, ["labels"] = labels },
                ["data"] = new JsonObject { ["config"] = new string('x', 200) },
            };
            using var response = await http.PostAsJsonAsync($"api/v1/namespaces/scale-{i % Namespaces}/configmaps", body, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
        var perWatcher = Objects / WatchedEvery / Namespaces;
        var delivered = await WaitUntilAsync(() => watchers.All(w => w.Count >= perWatcher), TimeSpan.FromSeconds(120));
        delivered.Should().BeTrue();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        await stop.CancelAsync();
        await Task.WhenAll(watchers.Select(w => w.Completion));

        watchers.Should().OnlyContain(w => w.Count == perWatcher && w.Errors == 0);
        var page = await http.GetFromJsonAsync<JsonObject>("api/v1/configmaps?limit=500");
        page!["items"]!.AsArray().Should().HaveCount(500);
        page["metadata"]!["remainingItemCount"]!.GetValue<long>().Should().Be(Objects - 500);
        (await http.GetStringAsync("healthz")).Should().Be("ok");

        await TestContext.Out.WriteLineAsync(
            $"{Objects} objects, {watchers.Count} watches: managed heap {before / 1048576.0:F0} MiB before, {after / 1048576.0:F0} MiB after " +
            $"({(after - before) / (double)Objects:F0} bytes per stored object incl. history); process working set {Environment.WorkingSet / 1048576.0:F0} MiB");
    }

    private static WatchCounter CountAddedAsync(HttpClient http, string path, CancellationToken stop)
    {
        var counter = new WatchCounter();
        counter.Completion = Task.Run(async () =>
        {
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal))
                    {
                        counter.Increment();
                    }
                    else if (line.StartsWith("{\"type\":\"ERROR\"", StringComparison.Ordinal))
                    {
                        counter.Fail();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test.
            }
        }, CancellationToken.None);
        return counter;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private sealed class WatchCounter
    {
        private int _count;
        private int _errors;

        public int Count => Volatile.Read(ref _count);

        public int Errors => Volatile.Read(ref _errors);

        public Task Completion { get; set; } = Task.CompletedTask;

        public void Increment() => Interlocked.Increment(ref _count);

        public void Fail() => Interlocked.Increment(ref _errors);
    }
}
