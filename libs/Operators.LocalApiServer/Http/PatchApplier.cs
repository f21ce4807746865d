using System.Text.Json;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Patching;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// Turns a PATCH body and its content type into a function of the current object:
/// <c>application/merge-patch+json</c>, <c>application/json-patch+json</c>, and
/// <c>application/strategic-merge-patch+json</c> (built-in kinds only; 415 for custom resources).
/// </summary>
internal sealed class PatchApplier(ResourceRegistry registry)
{
    /// <summary>Validates the body now (400/415) and returns the patch to apply to each attempt's state.</summary>
    public Func<JsonObject, JsonObject> Prepare(ResourceType type, string contentType, byte[] raw, string kind)
    {
        var patch = contentType switch
        {
            "application/merge-patch+json" or "application/json-patch+json" => Decode(raw, prefix: "error decoding patch: "),
            "application/strategic-merge-patch+json" when !registry.IsCustom(type) => Decode(raw, prefix: ""),
            _ => throw ApiException.UnsupportedMediaType(contentType),
        };
        var group = kind == "Scale" ? "autoscaling" : type.Group;
        return current =>
        {
            try
            {
                var result = contentType switch
                {
                    "application/merge-patch+json" => JsonMergePatch.Apply(current, patch),
                    "application/json-patch+json" => JsonPatch.Apply(current, patch),
                    _ => StrategicMergePatch.Apply(current, patch,
                        StrategicMergeSchema.ForKind(group, kind) ?? throw ApiException.UnsupportedMediaType(contentType)),
                };
                return result as JsonObject ?? throw ApiException.BadRequest("the patch did not result in an object");
            }
            catch (PatchException e)
            {
                throw e.ToApiException();
            }
        };
    }

    private static JsonNode? Decode(byte[] raw, string prefix)
    {
        if (raw.Length == 0)
        {
            throw ApiException.BadRequest(prefix + "unexpected end of JSON input");
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest(prefix + e.Message);
        }
    }
}
