using System.Diagnostics;

namespace Operators.Runtime.Client;

/// <summary>
/// The tracing source of <see cref="KubeApiClient"/>: one client activity per API call (retries included), a child of
/// whatever activity is current (e.g. a reconcile), tagged with the method, the API group, the resource and the status code.
/// </summary>
public static class KubeApiClientTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name to subscribe to (e.g. with OpenTelemetry's <c>AddSource</c>).</summary>
    public const string SourceName = "Operators.Runtime.Client";

    /// <summary>The source API-call activities come from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the activity of one call, or returns null when nobody listens.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The request's path and query.</param>
    /// <returns>The started activity, or null.</returns>
    internal static Activity? Start(string method, string pathAndQuery)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var path = pathAndQuery.Split('?', 2)[0];
        var (group, resource) = ResourceOf(path);
        var activity = Source.StartActivity(method + " " + resource, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("k8s.api_group", group);
        activity?.SetTag("k8s.resource", resource);
        activity?.SetTag("url.path", path);
        return activity;
    }

    /// <summary>Records how the call ended.</summary>
    /// <param name="activity">The call's activity, if any.</param>
    /// <param name="statusCode">The final status code, or null when no answer came.</param>
    /// <param name="error">The failure's type, when it failed without an answer.</param>
    internal static void Stop(Activity? activity, int? statusCode, string? error)
    {
        if (activity is null)
        {
            return;
        }

        if (statusCode is { } code)
        {
            activity.SetTag("http.response.status_code", code);
        }

        if (error is not null || statusCode is null or >= 400)
        {
            activity.SetTag("error.type", error ?? statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The API group (empty for the core group) and the <c>resource[/subresource]</c> a path addresses.</summary>
    /// <param name="path">A path such as <c>/apis/apps/v1/namespaces/ns/deployments/x/status</c>.</param>
    /// <returns>The group and the resource; the resource is the path itself when it is not an API path.</returns>
    internal static (string Group, string Resource) ResourceOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int skip;
        string group;
        if (segments is ["api", _, ..])
        {
            (skip, group) = (2, string.Empty);
        }
        else if (segments is ["apis", _, _, ..])
        {
            (skip, group) = (3, segments[1]);
        }
        else
        {
            return (string.Empty, path);
        }

        var rest = segments.AsSpan(skip);
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            rest = rest[2..];
        }

        if (rest.Length == 0)
        {
            return (group, path);
        }

        return (group, rest.Length >= 3 ? rest[0] + "/" + rest[2] : rest[0]);
    }
}
