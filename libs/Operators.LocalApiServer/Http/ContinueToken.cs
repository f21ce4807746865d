using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Http;

/// <summary>
/// A list continuation: the key after which the next page starts and the resourceVersion of
/// the first page. Opaque to clients (base64 JSON); 410 Expired once that version is compacted.
/// </summary>
internal sealed record ContinueToken(string Key, long ResourceVersion)
{
    /// <summary>Makes the token for a next page.</summary>
    public static string Encode(string key, long resourceVersion)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = key }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token; null when none was given; 400 when malformed; 410 when too old.</summary>
    public static ContinueToken? Decode(string text, ObjectStore store)
    {
        if (text.Length == 0)
        {
            return null;
        }

        ContinueToken token;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var json = JsonNode.Parse(Convert.FromBase64String(padded))!.AsObject();
            token = new ContinueToken((string)json["start"]!, (long)json["rv"]!);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw ApiException.BadRequest($"continue key is not valid: {e.Message}");
        }

        store.EnsureResumable(token.ResourceVersion,
            "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list");
        return token;
    }

    /// <summary>The resourceVersion as a string.</summary>
    public override string ToString() => ResourceVersion.ToString(CultureInfo.InvariantCulture);
}
