using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Faults;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// The admin endpoint under <c>/_local/</c>, for tests and benchmarks in other processes:
/// <list type="bullet">
/// <item><c>GET /_local/counters</c>: requests by verb and resource; <c>DELETE</c> resets them (and the access records).</item>
/// <item><c>GET /_local/access</c>: per client (product name of its <c>User-Agent</c>) the kinds of request it made,
/// as <c>{"client": [{"verb", "apiGroup", "resource", "namespaced"}]}</c>; <c>GET /_local/access/{client}</c> for one.</item>
/// <item><c>POST /_local/faults</c> with a <see cref="FaultRule"/> as JSON (<c>count</c> or <c>ratio</c> + <c>durationSeconds</c>);
/// <c>GET</c> lists the rules; <c>DELETE</c> clears rules, latency and partition.</item>
/// <item><c>POST /_local/latency?ms=N</c>, <c>POST /_local/partition?userAgent=S</c> (empty heals),
/// <c>POST /_local/drop-watches</c>, <c>POST /_local/compact</c>,
/// <c>POST /_local/restart?downtimeMs=N</c> (stops and restarts the listener, keeping state).</item>
/// </list>
/// </summary>
internal sealed class AdminEndpoint(FaultInjector faults, RequestCounters counters, Func<TimeSpan, Task> restart, TimeProvider time)
{
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

                await JsonResponses.WriteAsync(context, 200, new JsonObject { ["requests"] = snapshot, ["writes"] = counters.Writes });
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
                faults.DropWatches();
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

    private FaultRule ParseRule(JsonObject body)
    {
        var duration = TimeSpan.FromSeconds((double?)body["durationSeconds"] ?? 0);
        return new FaultRule
        {
            Verb = (string?)body["verb"],
            Resource = (string?)body["resource"],
            StatusCode = (int?)body["statusCode"] ?? 500,
            RetryAfterSeconds = (int?)body["retryAfterSeconds"] ?? 1,
            Remaining = (int?)body["count"],
            Ratio = (double?)body["ratio"] ?? 0,
            Until = time.GetUtcNow() + duration,
        };
    }
}
