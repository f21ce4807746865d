using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Operators.Runtime.Client;

/// <summary>
/// Reads a watch response: one JSON object per line, <c>{"type":"ADDED","object":{…}}</c>. ERROR events are
/// thrown as <see cref="KubernetesApiException"/> (410 as <see cref="KubernetesGoneException"/>).
/// </summary>
internal static class WatchStream
{
    /// <summary>Yields the events of <paramref name="stream"/> until it ends.</summary>
    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(
        Stream stream, JsonTypeInfo<T> info, ResourceType resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IKubernetesObject
    {
        var reader = PipeReader.Create(stream);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (!IsBlank(line))
                    {
                        yield return Parse(line, info, resourceType);
                    }
                }

                if (result.IsCompleted)
                {
                    if (!IsBlank(buffer))
                    {
                        yield return Parse(buffer, info, resourceType);
                    }

                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Parses one event line.</summary>
    public static WatchEvent<T> Parse<T>(ReadOnlySpan<byte> line, JsonTypeInfo<T> info, ResourceType resourceType)
        where T : IKubernetesObject
    {
        var reader = new Utf8JsonReader(line);
        return Parse(ref reader, info, resourceType);
    }

    /// <summary>Parses one event line that may span buffer segments (no copy).</summary>
    public static WatchEvent<T> Parse<T>(ReadOnlySequence<byte> line, JsonTypeInfo<T> info, ResourceType resourceType)
        where T : IKubernetesObject
    {
        var reader = new Utf8JsonReader(line);
        return Parse(ref reader, info, resourceType);
    }

    /// <summary>
    /// Reads the event in one pass: the API server writes <c>type</c> before <c>object</c>, so the object is
    /// decoded straight from the reader; an object that comes first is skipped and decoded from a saved reader.
    /// </summary>
    private static WatchEvent<T> Parse<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> info, ResourceType resourceType)
        where T : IKubernetesObject
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A watch event is not a JSON object.");
        }

        WatchEventType? type = null;
        var error = false;
        string? unknownType = null;
        T? decoded = default;
        var hasObject = false;
        Utf8JsonReader saved = default;
        var deferred = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = TypeOf(ref reader, out error, out unknownType);
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                if (type is not null)
                {
                    decoded = JsonSerializer.Deserialize(ref reader, info);
                    hasObject = true;
                }
                else
                {
                    saved = reader;
                    deferred = true;
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (error)
        {
            throw deferred ? ErrorEvent(ref saved) : new JsonException("The watch event ERROR has no status.");
        }

        if (unknownType is not null || type is null)
        {
            throw new JsonException($"Unknown watch event type '{unknownType}'.");
        }

        if (deferred)
        {
            decoded = JsonSerializer.Deserialize(ref saved, info);
            hasObject = true;
        }

        if (!hasObject)
        {
            throw new JsonException($"The watch event {type} has no object.");
        }

        return new WatchEvent<T>(type.Value, ApiResponses.WithTypeMeta(decoded ?? throw new JsonException("The server answered null."), resourceType));
    }

    /// <summary>The event type, without allocating its name; ERROR is flagged (its object is a Status).</summary>
    private static WatchEventType? TypeOf(ref Utf8JsonReader reader, out bool error, out string? unknown)
    {
        error = false;
        unknown = null;
        if (reader.ValueTextEquals("MODIFIED"u8))
        {
            return WatchEventType.Modified;
        }

        if (reader.ValueTextEquals("ADDED"u8))
        {
            return WatchEventType.Added;
        }

        if (reader.ValueTextEquals("DELETED"u8))
        {
            return WatchEventType.Deleted;
        }

        if (reader.ValueTextEquals("BOOKMARK"u8))
        {
            return WatchEventType.Bookmark;
        }

        error = reader.ValueTextEquals("ERROR"u8);
        unknown = error ? null : reader.GetString() ?? "null";
        return null;
    }

    private static KubernetesApiException ErrorEvent(ref Utf8JsonReader reader)
    {
        var status = JsonSerializer.Deserialize(ref reader, SourceGenerationContext.Default.V1Status);
        return KubernetesApiException.Create(status?.Code ?? 500, status);
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \r\t"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
