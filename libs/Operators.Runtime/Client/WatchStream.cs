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
                        yield return Parse(ToSpan(line), info, resourceType);
                    }
                }

                if (result.IsCompleted)
                {
                    if (!IsBlank(buffer))
                    {
                        yield return Parse(ToSpan(buffer), info, resourceType);
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
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A watch event is not a JSON object.");
        }

        string? type = null;
        var objectStart = -1;
        var objectEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                objectStart = (int)reader.TokenStartIndex;
                reader.Skip();
                objectEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (objectStart < 0)
        {
            throw new JsonException($"The watch event {type} has no object.");
        }

        var body = line[objectStart..objectEnd];
        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => throw ErrorEvent(body),
            _ => throw new JsonException($"Unknown watch event type '{type}'."),
        };
        return new WatchEvent<T>(eventType, ApiResponses.ReadObject(body, info, resourceType));
    }

    private static KubernetesApiException ErrorEvent(ReadOnlySpan<byte> body)
    {
        var status = JsonSerializer.Deserialize(body, SourceGenerationContext.Default.V1Status);
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

    private static ReadOnlySpan<byte> ToSpan(ReadOnlySequence<byte> line) =>
        line.IsSingleSegment ? line.FirstSpan : line.ToArray();
}
