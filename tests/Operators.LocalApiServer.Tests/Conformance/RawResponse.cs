using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>One HTTP answer as received: status, headers, body text and the body parsed as JSON when it is JSON.</summary>
internal sealed class RawResponse
{
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private RawResponse(int status, IReadOnlyDictionary<string, string> headers, string text, string? error)
    {
        Status = status;
        Headers = headers;
        Text = text;
        Error = error;
        try
        {
            Json = JsonNode.Parse(text);
            IsJson = true;
        }
        catch (JsonException)
        {
            IsJson = false;
        }
    }

    /// <summary>The HTTP status code (0 when no answer arrived).</summary>
    public int Status { get; }

    /// <summary>Response and content headers by name (case-insensitive), repeated values joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text.</summary>
    public string Text { get; }

    /// <summary>True when the body parsed as JSON.</summary>
    public bool IsJson { get; }

    /// <summary>The parsed body when <see cref="IsJson"/>.</summary>
    public JsonNode? Json { get; }

    /// <summary>Why no answer arrived (connection refused, timeout), or null.</summary>
    public string? Error { get; }

    /// <summary>Reads status, headers and the whole body of <paramref name="response"/>.</summary>
    public static async Task<RawResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return FromHeaders(response, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Status and headers of <paramref name="response"/> with the given body text.</summary>
    public static RawResponse FromHeaders(HttpResponseMessage response, string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = values.ToString();
        }

        return new RawResponse((int)response.StatusCode, headers, text, null);
    }

    /// <summary>A request that got no answer.</summary>
    public static RawResponse Failed(string error) =>
        new(0, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), string.Empty, error);

    /// <summary>The header value, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The raw result that <c>${id.status|body|headers...}</c> reads: the body un-normalized (text when not JSON).</summary>
    public JsonObject ToResult()
    {
        var headers = new JsonObject(CaseInsensitive);
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["status"] = Status,
            ["body"] = IsJson ? Json?.DeepClone() : JsonValue.Create(Text),
            ["headers"] = headers,
        };
    }
}
