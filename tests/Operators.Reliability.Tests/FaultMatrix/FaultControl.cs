using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Operators.LocalRun;

namespace Operators.Reliability.Tests.FaultMatrix;

/// <summary>The local API server's fault injection, over its admin endpoint (the server is another process).</summary>
internal sealed class FaultControl(ApiHttpClient api)
{
    /// <summary>Fails a share of matching requests for a while (null verb/resource: any).</summary>
    public Task FailRatioAsync(double ratio, TimeSpan duration, int statusCode, string? verb = null, string? resource = null, int retryAfterSeconds = 1) =>
        PostAsync("/_local/faults", new JsonObject
        {
            ["ratio"] = ratio,
            ["durationSeconds"] = duration.TotalSeconds,
            ["statusCode"] = statusCode,
            ["verb"] = verb,
            ["resource"] = resource,
            ["retryAfterSeconds"] = retryAfterSeconds,
        });

    /// <summary>Ends every watch after <paramref name="events"/> events until <see cref="ClearAsync"/>.</summary>
    public Task DropWatchesEveryAsync(int events) =>
        PostAsync("/_local/drop-watches?everyEvents=" + events.ToString(CultureInfo.InvariantCulture), []);

    /// <summary>Ends every open watch now.</summary>
    public Task DropWatchesAsync() => PostAsync("/_local/drop-watches", []);

    /// <summary>Forgets the change history: watches resume with 410 and relist.</summary>
    public Task CompactAsync() => PostAsync("/_local/compact", []);

    /// <summary>Stops listening for <paramref name="downtime"/>, then listens again on the same port; state kept.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        var response = await api.CreateAsync("/_local/restart?downtimeMs=" + ((int)downtime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), []);
        ((int)response.StatusCode).Should().Be(202, "the server accepts the restart");
    }

    /// <summary>Removes every rule, latency, partition and the watch limit.</summary>
    public async Task ClearAsync()
    {
        var response = await api.DeleteAsync("/_local/faults");
        response.IsSuccess.Should().BeTrue(response.Describe());
    }

    /// <summary>The number of watches the faults ended so far.</summary>
    public async Task<long> WatchesDroppedAsync() =>
        (long?)(await api.GetAsync("/_local/counters")).Body?["watchesDropped"] ?? 0;

    /// <summary>The Lease of an operator: its holder, or null when it has none.</summary>
    public async Task<string?> LeaseHolderAsync(OperatorProgram program)
    {
        var response = await api.GetAsync($"/apis/coordination.k8s.io/v1/namespaces/{LocalSystem.OperatorNamespace}/leases/{program.Name}");
        return response.IsSuccess ? (string?)response.Body?["spec"]?["holderIdentity"] : null;
    }

    private async Task PostAsync(string path, JsonObject body)
    {
        var response = await api.CreateAsync(path, body);
        response.IsSuccess.Should().BeTrue($"POST {path}: {response.Describe()}");
    }
}
