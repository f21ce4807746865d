namespace Operators.Runtime.Client;

/// <summary>One API call, re-sendable: a fresh <see cref="HttpRequestMessage"/> is built for every attempt.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path relative to the server's base address, with its query string.</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="ContentType">The body's content type; JSON when null.</param>
/// <param name="IsWatch">Whether the response is a long-running stream (no request timeout).</param>
internal sealed record ApiRequest(HttpMethod Method, string PathAndQuery, byte[]? Body = null, string? ContentType = null, bool IsWatch = false);
