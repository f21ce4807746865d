using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>Reads API server answers: objects, lists (item by item, without a list type per resource) and errors.</summary>
internal static class ApiResponses
{
    /// <summary>Turns a non-success response into the most specific <see cref="KubernetesApiException"/>.</summary>
    public static async Task<KubernetesApiException> ToExceptionAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = TryReadStatus(body);
        var retryAfter = RetryClassifier.RetryAfter(response.Headers, now);
        return KubernetesApiException.Create((int)response.StatusCode, status, retryAfter);
    }

    /// <summary>Reads a Status object, or null when the body is not one (e.g. a plain-text 404).</summary>
    public static V1Status? TryReadStatus(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, SourceGenerationContext.Default.V1Status);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one list page: its metadata and each item with <paramref name="itemInfo"/>.</summary>
    public static ResourceList<T> ReadList<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> itemInfo, ResourceType resourceType)
        where T : IKubernetesObject
    {
        var reader = new Utf8JsonReader(body);
        Expect(ref reader, JsonTokenType.StartObject);
        V1ListMeta? meta = null;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                meta = JsonSerializer.Deserialize(ref reader, SourceGenerationContext.Default.V1ListMeta);
            }
            else if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var item = JsonSerializer.Deserialize(ref reader, itemInfo) ?? throw new JsonException("A list item is null.");
                        items.Add(WithTypeMeta(item, resourceType));
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ResourceList<T>(items, meta?.ResourceVersion, string.IsNullOrEmpty(meta?.ContinueProperty) ? null : meta.ContinueProperty, meta?.RemainingItemCount);
    }

    /// <summary>Reads one object.</summary>
    public static T ReadObject<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> info, ResourceType resourceType)
        where T : IKubernetesObject =>
        WithTypeMeta(JsonSerializer.Deserialize(body, info) ?? throw new JsonException("The server answered null."), resourceType);

    /// <summary>Fills <c>apiVersion</c> and <c>kind</c> when the server left them out (as it does for list items).</summary>
    public static T WithTypeMeta<T>(T obj, ResourceType resourceType)
        where T : IKubernetesObject
    {
        obj.ApiVersion ??= resourceType.ApiVersion;
        obj.Kind ??= resourceType.Kind;
        return obj;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in the API server's answer.");
        }
    }
}
