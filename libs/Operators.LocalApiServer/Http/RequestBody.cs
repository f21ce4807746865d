using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Http;

/// <summary>Reads request bodies with kube-apiserver's size limit and JSON errors.</summary>
internal static class RequestBody
{
    /// <summary>kube-apiserver's limit on a request body: 3 MiB.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>The raw body; 413 RequestEntityTooLarge past <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw ApiException.RequestEntityTooLarge($"Request entity too large: limit is {MaxBytes}");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses JSON; 400 BadRequest when it is empty or malformed.</summary>
    public static JsonNode Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the body of the request was empty");
        }

        try
        {
            return JsonNode.Parse(body) ?? throw ApiException.BadRequest("the body of the request was null");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("the body of the request could not be decoded as JSON: " + e.Message);
        }
    }

    /// <summary>Parses a JSON object; 400 BadRequest for anything else.</summary>
    public static JsonObject ParseObject(byte[] body) =>
        Parse(body) as JsonObject ?? throw ApiException.BadRequest("the body of the request must be a JSON object");
}
