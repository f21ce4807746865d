using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Authorization;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Faults;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// The admin endpoint under <c>/_local/</c>, for tests and benchmarks in other processes:
/// <list type="bullet">
/// <item><c>GET /_local/counters</c>: requests by verb and resource; <c>DELETE</c> resets them (and the access records);
/// <c>watchesDropped</c> counts the watches the faults ended.</item>
/// <item><c>GET /_local/access</c>: per client (product name of its <c>User-Agent</c>) the kinds of request it made,
/// as <c>{"client": [{"verb", "apiGroup", "resource", "namespaced"}]}</c>; <c>GET /_local/access/{client}</c> for one.</item>
/// <item><c>GET /_local/denials</c>: <c>{"count": N, "denials": [{"time", "user", "verb", "apiGroup", "resource", "namespace", "name", "message"}]}</c>,
/// the requests the RBAC evaluator refused (the most recent 1,000); <c>DELETE</c> resets them.</item>
/// <item><c>POST /_local/faults</c> with a <see cref="FaultRule"/> as JSON (<c>count</c> or <c>ratio</c> + <c>durationSeconds</c>);
/// <c>GET</c> lists the rules; <c>DELETE</c> clears rules, latency and partition.</item>
/// <item><c>POST /_local/latency?ms=N</c>, <c>POST /_local/partition?userAgent=S</c> (empty heals),
/// <c>POST /_local/drop-watches</c> (<c>?everyEvents=N</c>: end every watch after N events until cleared, 0 stops),
/// <c>POST /_local/compact</c>,
/// <c>POST /_local/restart?downtimeMs=N</c> (stops and restarts the listener, keeping state).</item>
/// </list>
/// </summary>
internal sealed class AdminEndpoint(FaultInjector faults, RequestCounters counters, Func<TimeSpan, Task> restart, TimeProvider time)
{
    /// <summary>The requests the RBAC evaluator refused, served at <c>/_local/denials</c>.</summary>
    public DenialLog Denials { get; init; } = new();

    /// <summary>Serves one admin request.</summary>
    public async Task HandleAsync(HttpContext context, IReadOnlyList<string> rest)
    {
        var method = context.Request.Method;
        var query = context.Request.Query;
        switch (method, rest.Count > 0 ? rest[0] : "")
        {
            case ("GET", "counters"):
                var snapshot = new JsonObject();
                foreach (var (key, value) in counters.Snapshot())
                {
                    snapshot[key] = value;
                }

                await JsonResponses.WriteAsync(context, 200, new JsonObject { ["requests"] = snapshot, ["writes"] = counters.Writes, ["watchesDropped"] = faults.WatchesDropped });
                return;
            case ("GET", "access"):
                var clients = new JsonObject();
                foreach (var client in rest.Count > 1 ? [rest[1]] : counters.Clients())
                {
                    clients[client] = new JsonArray([.. counters.AccessBy(client).Select(a => (JsonNode)new JsonObject
                    {
                        ["verb"] = a.Verb,
                        ["apiGroup"] = a.ApiGroup,
                        ["resource"] = a.Resource,
                        ["namespaced"] = a.Namespaced,
                    })]);
                }

                await JsonResponses.WriteAsync(context, 200, clients);
                return;
            case ("GET", "denials"):
                await JsonResponses.WriteAsync(context, 200, DenialsJson());
                return;
            case ("DELETE", "denials"):
                Denials.Reset();
                break;
            case ("DELETE", "counters"):
                counters.Reset();
                break;
            case ("POST", "faults"):
                faults.Add(ParseRule(RequestBody.ParseObject(await RequestBody.ReadAsync(context))));
                break;
            case ("GET", "faults"):
                await JsonResponses.WriteAsync(context, 200, new JsonArray(faults.Rules.Select(r => (JsonNode)new JsonObject
                {
                    ["verb"] = r.Verb,
                    ["resource"] = r.Resource,
                    ["namespace"] = r.Namespace,
                    ["statusCode"] = r.StatusCode,
                    ["remaining"] = r.Remaining,
                    ["ratio"] = r.Ratio,
                }).ToArray()));
                return;
            case ("DELETE", "faults"):
                faults.Clear();
                break;
            case ("POST", "latency"):
                faults.Latency = TimeSpan.FromMilliseconds(int.TryParse(query["ms"], out var ms) ? ms : 0);
                break;
            case ("POST", "partition"):
                var agent = query["userAgent"].ToString();
                faults.Partition(agent.Length == 0 ? null : agent);
                break;
            case ("POST", "drop-watches"):
                if (query.ContainsKey("everyEvents"))
                {
                    faults.DropWatchesEvery(int.TryParse(query["everyEvents"], out var every) && every > 0 ? every : 0);
                }
                else
                {
                    faults.DropWatches();
                }

                break;
            case ("POST", "compact"):
                faults.CompactHistory();
                break;
            case ("POST", "restart"):
                var downtime = TimeSpan.FromMilliseconds(int.TryParse(query["downtimeMs"], out var d) ? d : 0);
                context.Response.StatusCode = 202;
                await context.Response.CompleteAsync();
                _ = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), time);
                    await restart(downtime);
                });
                return;
            default:
                throw new ApiException(404, "NotFound", "unknown admin endpoint");
        }

        await JsonResponses.WriteAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private JsonObject DenialsJson() => new()
    {
        ["count"] = Denials.Count,
        ["denials"] = new JsonArray([.. Denials.Recent.Select(d => (JsonNode)new JsonObject
        {
            ["time"] = d.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["user"] = d.User,
            ["verb"] = d.Verb,
            ["apiGroup"] = d.ApiGroup,
            ["resource"] = d.Resource,
            ["namespace"] = d.Namespace,
            ["name"] = d.Name,
            ["message"] = d.Message,
        })]),
    };

    private FaultRule ParseRule(JsonObject body)
    {
        var duration = TimeSpan.FromSeconds((double?)body["durationSeconds"] ?? 0);
        return new FaultRule
        {
            Verb = (string?)body["verb"],
            Resource = (string?)body["resource"],
            Namespace = (string?)body["namespace"],
            StatusCode = (int?)body["statusCode"] ?? 500,
            RetryAfterSeconds = (int?)body["retryAfterSeconds"] ?? 1,
            Remaining = (int?)body["count"],
            Ratio = (double?)body["ratio"] ?? 0,
            Until = time.GetUtcNow() + duration,
        };
    }
}
