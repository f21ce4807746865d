using System.Globalization;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// The API server answered with an error: an HTTP status outside 2xx, or an ERROR event in a watch.
/// Carries the status code and, when the server sent one, its <see cref="V1Status"/>.
/// </summary>
public class KubernetesApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class.</summary>
    public KubernetesApiException()
        : this(0, (V1Status?)null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class with a message.</summary>
    public KubernetesApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class with a message and cause.</summary>
    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class from an answer.</summary>
    /// <param name="statusCode">The HTTP status code (or the code of a watch ERROR event).</param>
    /// <param name="status">The Status object the server sent, if any.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> hint, if any.</param>
    public KubernetesApiException(int statusCode, V1Status? status, TimeSpan? retryAfter = null)
        : base(Describe(statusCode, status))
    {
        StatusCode = statusCode;
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>Initializes a new instance of the <see cref="KubernetesApiException"/> class for a known code, with a message.</summary>
    protected KubernetesApiException(int statusCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status code, e.g. 404, 409 or 410.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the Status object the server sent, if any.</summary>
    public V1Status? Status { get; }

    /// <summary>Gets the machine-readable reason, e.g. <c>NotFound</c>, <c>Conflict</c>, <c>Expired</c>.</summary>
    public string? Reason => Status?.Reason;

    /// <summary>Gets the server's <c>Retry-After</c> hint, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets a value indicating whether the object (or resource) does not exist (404).</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>
    /// Creates the most specific exception for an answer: <see cref="KubernetesConflictException"/> for 409,
    /// <see cref="KubernetesGoneException"/> for 410, else <see cref="KubernetesApiException"/>.
    /// </summary>
    public static KubernetesApiException Create(int statusCode, V1Status? status, TimeSpan? retryAfter = null) => statusCode switch
    {
        409 => new KubernetesConflictException(status),
        410 => new KubernetesGoneException(status),
        _ => new KubernetesApiException(statusCode, status, retryAfter),
    };

    private static string Describe(int statusCode, V1Status? status) =>
        string.Create(CultureInfo.InvariantCulture, $"The API server answered {statusCode} {status?.Reason}: {status?.Message ?? "(no message)"}");
}
