using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Authorization;
using Operators.LocalApiServer.BuiltIns;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Faults;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// The entry point of every request: authentication, authorization (when RBAC is enforced), fault injection, counting, then health,
/// version, discovery, OpenAPI v3, the admin endpoint, or a resource. Every failure becomes a Status; no
/// request can take the server down.
/// </summary>
internal sealed class ApiRouter(
    ResourceRegistry registry,
    ResourceHandler resources,
    AdminEndpoint admin,
    FaultInjector faults,
    RequestCounters counters,
    LocalApiServerOptions options)
{
    private readonly OpenApiEndpoint _openApi = new(registry, options.TimeProvider);

    /// <summary>Authenticates and (when enforced) authorizes every request after the admin and health paths.</summary>
    public required AuthorizationGate Gate { get; init; }

    /// <summary>Serves one request.</summary>
    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        try
        {
            await RouteAsync(context, stopping);
        }
        catch (ApiException error)
        {
            if (!context.Response.HasStarted)
            {
                await JsonResponses.WriteStatusAsync(context, error);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client went away or the server is stopping.
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            if (!context.Response.HasStarted)
            {
                await JsonResponses.WriteStatusAsync(context, ApiException.Internal("internal error: " + error.Message));
            }
        }
    }

    private async Task RouteAsync(HttpContext context, CancellationToken stopping)
    {
        var segments = (context.Request.Path.Value ?? "/").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["_local", ..])
        {
            await admin.HandleAsync(context, segments[1..]);
            return;
        }

        if (segments is ["healthz" or "livez" or "readyz", ..])
        {
            await TextAsync(context, 200, "ok");
            return;
        }

        var user = Gate.Authenticate(context.Request);
        if (segments is not (["api", "v1", _, ..] or ["apis", _, _, _, ..]))
        {
            Gate.AuthorizeNonResource(user, context.Request);
        }

        if (faults.IsPartitioned(context.Request.Headers.UserAgent.ToString()))
        {
            context.Abort();
            return;
        }

        switch (segments)
        {
            case []:
                await JsonResponses.WriteAsync(context, 200, new JsonObject { ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v3", "/readyz", "/version") });
                return;
            case ["openapi", "v3", .. var openApiPath]:
                await _openApi.HandleAsync(context, openApiPath);
                return;
            case ["version"]:
                await JsonResponses.WriteAsync(context, 200, VersionInfo());
                return;
            case ["api"]:
                await JsonResponses.WriteAsync(context, 200, DiscoveryDocuments.ApiVersions());
                return;
            case ["api", "v1"]:
                await JsonResponses.WriteAsync(context, 200, DiscoveryDocuments.ResourceList(registry.All, "", "v1")!);
                return;
            case ["apis"]:
                await JsonResponses.WriteAsync(context, 200, DiscoveryDocuments.GroupList(registry.All));
                return;
            case ["apis", var group] when Served(group, null):
                await JsonResponses.WriteAsync(context, 200, DiscoveryDocuments.Group(registry.All, group)!);
                return;
            case ["apis", var group, var version] when Served(group, version):
                await JsonResponses.WriteAsync(context, 200, DiscoveryDocuments.ResourceList(registry.All, group, version)!);
                return;
            case ["api", "v1", .. var rest]:
                await ResourceAsync(context, user, ResourcePath.Parse("", "v1", rest), stopping);
                return;
            case ["apis", var group, var version, .. var rest] when Served(group, version):
                await ResourceAsync(context, user, ResourcePath.Parse(group, version, rest), stopping);
                return;
            default:
                await TextAsync(context, 404, "404 page not found\n");
                return;
        }
    }

    private async Task ResourceAsync(HttpContext context, TokenUser user, ResourcePath? path, CancellationToken stopping)
    {
        var type = path is null ? null : registry.Find(path.Group, path.Version, path.Plural);
        if (path is null)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        var verb = Verb(context.Request, path);
        if (type is not null)
        {
            counters.Count(verb, path.ResourceName);
            counters.Observe(context.Request.Headers.UserAgent.ToString(), new ObservedAccess(verb, path.Group, path.ResourceName, path.Namespace is not null));
        }

        // As kube-apiserver: authorization comes before the resource is resolved (an unknown resource is 403 to whom it is not granted).
        Gate.AuthorizeResource(user, verb, path, context.Request);
        if (type is null)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, options.TimeProvider, context.RequestAborted);
        }

        if (faults.Check(verb, path.ResourceName, path.Namespace) is { } injected)
        {
            throw injected;
        }

        await resources.HandleAsync(context, path, type, stopping);
    }

    private bool Served(string group, string? version) =>
        registry.All.Any(t => t.Group == group && group.Length > 0 && (version is null || t.Version == version));

    private static string Verb(HttpRequest request, ResourcePath path) => (request.Method, path.Name) switch
    {
        ("GET", null) when request.Query["watch"] is var w && (w == "true" || w == "1") => "watch",
        ("GET", null) => "list",
        ("GET", _) => "get",
        ("POST", _) => "create",
        ("PUT", _) => "update",
        ("PATCH", _) => "patch",
        ("DELETE", null) => "deletecollection",
        ("DELETE", _) => "delete",
        _ => request.Method.ToLowerInvariant(),
    };

    private static JsonObject VersionInfo() => new()
    {
        ["major"] = "1",
        ["minor"] = "36",
        ["emulationMajor"] = "1",
        ["emulationMinor"] = "36",
        ["gitVersion"] = "v1.36.2-local",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-11-25T00:00:00Z",
        ["goVersion"] = "n/a (Operators.LocalApiServer on .NET)",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };

    private static async Task TextAsync(HttpContext context, int code, string text)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
    }
}
