using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.OpenApi;
using Operators.LocalApiServer.Storage;
using Operators.LocalApiServer.Tables;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// Serves OpenAPI v3 like kube-apiserver: <c>/openapi/v3</c> lists each group version with a
/// <c>hash</c> of its document, and <c>/openapi/v3/api/v1</c> or <c>/openapi/v3/apis/{group}/{version}</c>
/// returns the document (JSON only; 406 for protobuf-only clients). A stale hash redirects to the
/// current one; a matching hash makes the answer cacheable for good, as kube-apiserver does.
/// </summary>
internal sealed class OpenApiEndpoint(ResourceRegistry registry, TimeProvider time)
{
    /// <summary>Serves <c>/openapi/v3</c> followed by <paramref name="rest"/>.</summary>
    public async Task HandleAsync(HttpContext context, IReadOnlyList<string> rest)
    {
        if (context.Request.Method is not ("GET" or "HEAD"))
        {
            await WriteTextAsync(context, 405, "405: Method Not Allowed\n");
            return;
        }

        switch (rest)
        {
            case []:
                await WriteAsync(context, Discovery());
                return;
            case ["api", var version]:
                await GroupVersionAsync(context, "", version);
                return;
            case ["apis", var group, var version]:
                await GroupVersionAsync(context, group, version);
                return;
            default:
                await WriteTextAsync(context, 404, "404 page not found\n");
                return;
        }
    }

    private static string Hash(byte[] body) => Convert.ToHexString(SHA512.HashData(body));

    private static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, JsonContext.Default.JsonNode);

    private static bool AcceptsJson(string header) =>
        header.Length == 0 || AcceptClause.ParseHeader(header).Any(c =>
            c.Quality > 0 && c.Type is "application" or "*" && c.SubType is "json" or "*");

    private static async Task WriteTextAsync(HttpContext context, int code, string text)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, byte[] body)
    {
        var etag = "\"" + Hash(body) + "\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        if (context.Request.Method == "GET")
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private byte[] Discovery()
    {
        var paths = new JsonObject();
        foreach (var (key, group, version) in OpenApiDocuments.GroupVersions(registry.All))
        {
            if (OpenApiDocuments.ForGroupVersion(registry, group, version) is { } document)
            {
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(Serialize(document))}" };
            }
        }

        return Serialize(new JsonObject { ["paths"] = paths });
    }

    private async Task GroupVersionAsync(HttpContext context, string group, string version)
    {
        if (OpenApiDocuments.ForGroupVersion(registry, group, version) is not { } document)
        {
            await WriteTextAsync(context, 404, "404 page not found\n");
            return;
        }

        context.Response.Headers.Vary = "Accept";
        if (!AcceptsJson(context.Request.Headers.Accept.ToString()))
        {
            context.Response.StatusCode = 406;
            return;
        }

        var body = Serialize(document);
        var hash = Hash(body);
        var requested = context.Request.Query["hash"].ToString();
        if (requested.Length > 0 && requested != hash)
        {
            context.Response.Headers.ETag = "\"" + hash + "\"";
            context.Response.Redirect($"/openapi/v3/{OpenApiDocuments.Key(group, version)}?hash={hash}", permanent: true);
            return;
        }

        if (requested.Length > 0)
        {
            context.Response.Headers.CacheControl = "public, immutable";
            context.Response.Headers.Expires = time.GetUtcNow().AddYears(1).ToString("R", CultureInfo.InvariantCulture);
        }

        await WriteAsync(context, body);
    }
}
