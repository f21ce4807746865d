using System.Net;

namespace Operators.LocalApiServer.Errors;

/// <summary>
/// An error the API server answers with a <c>metav1.Status</c> body. The factory methods produce
/// the reasons, codes and details that kube-apiserver produces for the same situation.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates an error with every field of the Status given.</summary>
    public ApiException(int code, string reason, string message, StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    /// <summary>The HTTP status code, also written as <c>code</c>.</summary>
    public int Code { get; }

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c>; empty for an internal error.</summary>
    public string Reason { get; }

    /// <summary>The Status <c>details</c>, if any.</summary>
    public StatusDetails? Details { get; }

    /// <summary>404 for an object: <c>configmaps "c" not found</c>; details name the resource plural.</summary>
    public static ApiException NotFound(string group, string resource, string name) =>
        new(404, "NotFound", $"{Qualified(resource, group)} \"{name}\" not found",
            new StatusDetails { Name = name, Group = group, Kind = resource });

    /// <summary>409 for a create of an existing name.</summary>
    public static ApiException AlreadyExists(string group, string resource, string name) =>
        new(409, "AlreadyExists", $"{Qualified(resource, group)} \"{name}\" already exists",
            new StatusDetails { Name = name, Group = group, Kind = resource });

    /// <summary>409 for a write against a stale resourceVersion.</summary>
    public static ApiException Conflict(string group, string resource, string name, string why) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {Qualified(resource, group)} \"{name}\": {why}",
            new StatusDetails { Name = name, Group = group, Kind = resource });

    /// <summary>The stale-resourceVersion conflict message kube-apiserver uses.</summary>
    public static ApiException StaleObject(string group, string resource, string name) =>
        Conflict(group, resource, name,
            "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>422 with field causes; <paramref name="kind"/> is the Kind, not the plural.</summary>
    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<StatusCause> causes)
    {
        var what = causes.Count switch
        {
            0 => "",
            1 => causes[0].ToString(),
            _ => "[" + string.Join(", ", causes.Select(c => c.ToString())) + "]",
        };
        var message = $"{Qualified(kind, group)} \"{name}\" is invalid" + (what.Length > 0 ? ": " + what : "");
        return new ApiException(422, "Invalid", message,
            new StatusDetails { Name = name, Group = group, Kind = kind, Causes = causes.ToList() });
    }

    /// <summary>400 BadRequest with a message.</summary>
    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>410 Expired, for a too old resourceVersion or continue token.</summary>
    public static ApiException Expired(string message) => new(410, "Expired", message);

    /// <summary>405 for a verb a resource does not support.</summary>
    public static ApiException MethodNotSupported(string group, string resource, string verb) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{Qualified(resource, group)}\"",
            new StatusDetails { Group = group, Kind = resource });

    /// <summary>413 for a request body over the limit.</summary>
    public static ApiException RequestEntityTooLarge(string message) => new(413, "RequestEntityTooLarge", message);

    /// <summary>415 for a patch content type the resource does not accept.</summary>
    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    /// <summary>429 with a Retry-After hint.</summary>
    public static ApiException TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "Too many requests, please try again later.",
            new StatusDetails { RetryAfterSeconds = retryAfterSeconds });

    /// <summary>500 with no reason, as kube-apiserver's internal errors.</summary>
    public static ApiException Internal(string message) => new(500, "InternalError", message);

    /// <summary>A Status for an arbitrary code, used by fault injection.</summary>
    public static ApiException ForCode(int code, int retryAfterSeconds = 0) => code switch
    {
        429 => TooManyRequests(retryAfterSeconds > 0 ? retryAfterSeconds : 1),
        409 => new ApiException(409, "Conflict", "injected conflict"),
        503 => new ApiException(503, "ServiceUnavailable", "injected: the server is currently unable to handle the request"),
        500 => new ApiException(500, "InternalError", "injected: an error on the server has prevented the request from succeeding"),
        _ => new ApiException(code, ((HttpStatusCode)code).ToString(), $"injected error {code}"),
    };

    private static string Qualified(string resourceOrKind, string group) =>
        group.Length == 0 ? resourceOrKind : resourceOrKind + "." + group;
}
