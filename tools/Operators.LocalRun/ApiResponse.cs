using System.Net;
using System.Text.Json.Nodes;

namespace Operators.LocalRun;

/// <summary>An API server's answer: the status code and the JSON body (an object or a <c>metav1.Status</c>).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The parsed body, or null when it was empty or not JSON.</param>
internal sealed record ApiResponse(HttpStatusCode StatusCode, JsonNode? Body)
{
    /// <summary>Gets a value indicating whether the status is 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>Gets the <c>reason</c> of a <c>metav1.Status</c> body, e.g. <c>AlreadyExists</c>.</summary>
    public string Reason => (Body as JsonObject)?["reason"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Gets a one-line description of a failed request: code, reason and message.</summary>
    public string Describe() =>
        $"{(int)StatusCode} {Reason} {(Body as JsonObject)?["message"]?.GetValue<string>() ?? string.Empty}".Replace("  ", " ", StringComparison.Ordinal).Trim();
}
