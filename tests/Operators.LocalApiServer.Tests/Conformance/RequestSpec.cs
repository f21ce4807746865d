using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// One HTTP request of a scenario, after substitution: method, path, query (values may be
/// lists), headers, and a body given as JSON (<c>body</c>) or as text (<c>bodyRaw</c>).
/// </summary>
internal sealed class RequestSpec
{
    private const string JsonMediaType = "application/json";
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private RequestSpec(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyList<KeyValuePair<string, string>> headers, string? body, string? contentType)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>The HTTP method (GET when the scenario gives none).</summary>
    public string Method { get; }

    /// <summary>The request path, e.g. <c>/api/v1/namespaces/conf-abc123/configmaps</c>.</summary>
    public string Path { get; }

    /// <summary>Query parameters in order; a list value gives one parameter per element.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Headers the scenario sets (they override the defaults).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body text, or null when the request has no body.</summary>
    public string? Body { get; }

    /// <summary>The scenario's <c>contentType</c>, or null for <c>application/json</c>.</summary>
    public string? ContentType { get; }

    /// <summary>True for a write that would be stored: POST, PUT or PATCH without <c>dryRun</c>.</summary>
    public bool IsStoredWrite =>
        Method is "POST" or "PUT" or "PATCH" && !Query.Any(parameter => parameter.Key == "dryRun");

    /// <summary>The path with the encoded query.</summary>
    public string PathAndQuery => Query.Count == 0
        ? Path
        : Path + "?" + string.Join('&', Query.Select(parameter =>
            Uri.EscapeDataString(parameter.Key) + "=" + Uri.EscapeDataString(parameter.Value)));

    /// <summary>Reads a (substituted) <c>request</c> object.</summary>
    public static RequestSpec Parse(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in request["query"] as JsonObject ?? [])
        {
            IEnumerable<JsonNode?> values = value is JsonArray list ? list : new[] { value };
            query.AddRange(values.Select(element => KeyValuePair.Create(name, element is null ? string.Empty : JsonText.TextOf(element))));
        }

        var headers = (request["headers"] as JsonObject ?? [])
            .Select(pair => KeyValuePair.Create(pair.Key, JsonText.TextOf(pair.Value)))
            .ToList();

        return new RequestSpec(
            (JsonText.StringOf(request["method"]) ?? "GET").ToUpperInvariant(),
            JsonText.StringOf(request["path"]) ?? "/",
            query,
            headers,
            BodyOf(request),
            JsonText.StringOf(request["contentType"]));
    }

    /// <summary>The same request with one more query parameter placed first (e.g. <c>watch=true</c>).</summary>
    public RequestSpec WithLeadingQuery(string name, string value) =>
        new(Method, Path, [KeyValuePair.Create(name, value), .. Query], Headers, Body, ContentType);

    /// <summary>
    /// The message to send: <c>Accept: application/json</c>, <c>Authorization: Bearer</c> when a
    /// token is given, and <c>Content-Type</c> (the scenario's <c>contentType</c>, else JSON) when there is a body.
    /// </summary>
    public HttpRequestMessage ToMessage(string? bearerToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = JsonMediaType };
        if (!string.IsNullOrEmpty(bearerToken))
        {
            headers["Authorization"] = "Bearer " + bearerToken;
        }

        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            var contentType = ContentType ?? headers.GetValueOrDefault("Content-Type") ?? JsonMediaType;
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, value) in headers.Where(pair => !IsContentType(pair.Key)))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static bool IsContentType(string name) => string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);

    private static string? BodyOf(JsonObject request)
    {
        if (request.TryGetPropertyValue("body", out var body))
        {
            return body is null ? "null" : body.ToJsonString(BodyJson);
        }

        return request.TryGetPropertyValue("bodyRaw", out var raw) ? JsonText.TextOf(raw) : null;
    }
}
