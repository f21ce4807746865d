using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;

namespace Operators.LocalApiServer.Http;

/// <summary>Writes JSON bodies and <c>metav1.Status</c> errors the way kube-apiserver does.</summary>
internal static class JsonResponses
{
    /// <summary>Writes <paramref name="body"/> as <c>application/json</c>.</summary>
    public static async Task WriteAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes an error as a Status, with <c>Retry-After</c> when it has a retry hint.</summary>
    public static Task WriteStatusAsync(HttpContext context, ApiException error)
    {
        if (error.Details?.RetryAfterSeconds > 0)
        {
            context.Response.Headers.RetryAfter = error.Details.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, error.Code, ToStatus(error));
    }

    /// <summary>The Status object of an error.</summary>
    public static JsonObject ToStatus(ApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
        };
        if (error.Reason.Length > 0 && error.Reason != "InternalError")
        {
            status["reason"] = error.Reason;
        }

        if (Details(error.Details) is { } details)
        {
            status["details"] = details;
        }

        status["code"] = error.Code;
        return status;
    }

    /// <summary>The Status of a successful delete.</summary>
    public static JsonObject Success(string name, string group, string resource, string uid)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = resource;
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    private static JsonObject? Details(StatusDetails? details)
    {
        if (details is null)
        {
            return null;
        }

        var node = new JsonObject();
        AddIfSet(node, "name", details.Name);
        AddIfSet(node, "group", details.Group);
        AddIfSet(node, "kind", details.Kind);
        AddIfSet(node, "uid", details.Uid);
        if (details.Causes.Count > 0)
        {
            node["causes"] = new JsonArray(details.Causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray());
        }

        if (details.RetryAfterSeconds > 0)
        {
            node["retryAfterSeconds"] = details.RetryAfterSeconds;
        }

        return node.Count == 0 ? null : node;
    }

    private static void AddIfSet(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[key] = value;
        }
    }
}
