using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Operators.LocalApiServer.Errors;
using Operators.LocalApiServer.Http;
using Operators.LocalApiServer.Storage;

namespace Operators.LocalApiServer.Watch;

/// <summary>
/// Serves one <c>?watch=true</c> request: newline-delimited JSON events, flushed one by one,
/// with optional bookmarks, a server-side timeout, and an ERROR event (410 Expired) for a
/// resourceVersion older than the kept history.
/// </summary>
internal sealed class WatchStreamer(ObjectStore store, LocalApiServerOptions options, TimeProvider time)
{
    /// <summary>Streams events until the timeout, a drop, or the client going away.</summary>
    public async Task ServeAsync(HttpContext context, ResourceType type, ResourceType storageType, WatchFilter filter,
        Func<JsonObject, JsonNode> present, CancellationToken stopping)
    {
        var query = context.Request.Query;
        var resourceVersion = ParseResourceVersion(query["resourceVersion"].ToString());
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var timeout = TimeSpan.FromSeconds(int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0
            ? seconds
            : options.DefaultWatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        using var session = new WatchSession(ObjectStore.StorageOf(storageType), filter, options.WatchBufferEvents);
        var initial = new List<StoredObject>();
        try
        {
            store.Watch(session, resourceVersion, obj =>
            {
                if (filter.Matches(obj))
                {
                    initial.Add(obj);
                }
            });
        }
        catch (ApiException expired) when (expired.Code == 410)
        {
            await WriteEventAsync(context, "ERROR", JsonResponses.ToStatus(expired), context.RequestAborted);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping, session.Closed);
        var deadline = time.GetUtcNow() + timeout;
        try
        {
            await context.Response.StartAsync(linked.Token);
            await context.Response.Body.FlushAsync(linked.Token);
            foreach (var obj in initial)
            {
                await WriteEventAsync(context, "ADDED", present(obj.ToNode()), linked.Token);
            }

            await PumpAsync(context, type, session, present, bookmarks, deadline, linked.Token);
        }
        catch (OperationCanceledException)
        {
            if (session.Closed.IsCancellationRequested)
            {
                // Dropped (too slow, or by fault injection): cut the connection, a write may be stuck on it.
                context.Abort();
            }
        }
        catch (IOException)
        {
            // The connection broke.
        }
        finally
        {
            store.Unwatch(session);
            session.Close();
        }
    }

    private async Task PumpAsync(HttpContext context, ResourceType type, WatchSession session, Func<JsonObject, JsonNode> present,
        bool bookmarks, DateTimeOffset deadline, CancellationToken cancellation)
    {
        var nextBookmark = time.GetUtcNow() + options.BookmarkInterval;
        var finalBookmarkSent = false;
        while (true)
        {
            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                return;
            }

            var finalBookmarkAt = deadline - TimeSpan.FromSeconds(2);
            if (bookmarks && (now >= nextBookmark || (!finalBookmarkSent && now >= finalBookmarkAt)))
            {
                finalBookmarkSent |= now >= finalBookmarkAt;
                nextBookmark = now + options.BookmarkInterval;
                var progress = store.CurrentResourceVersion;
                if (session.Events.Count == 0)
                {
                    await WriteEventAsync(context, "BOOKMARK", Bookmark(type, progress), cancellation);
                }
            }

            var wake = Min(deadline, bookmarks ? Min(nextBookmark, finalBookmarkSent ? deadline : finalBookmarkAt) : deadline);
            var wait = wake - now;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timer.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            bool more;
            try
            {
                more = await session.Events.WaitToReadAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                continue;
            }

            if (!more)
            {
                return;
            }

            while (session.Events.TryRead(out var change))
            {
                var name = change.Type switch
                {
                    WatchEventType.Added => "ADDED",
                    WatchEventType.Modified => "MODIFIED",
                    _ => "DELETED",
                };
                await WriteEventAsync(context, name, present(change.Object.ToNode()), cancellation);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static JsonObject Bookmark(ResourceType type, long resourceVersion) => new()
    {
        ["kind"] = type.Kind,
        ["apiVersion"] = type.ApiVersion,
        ["metadata"] = new JsonObject
        {
            ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["creationTimestamp"] = null,
        },
    };

    private static async Task WriteEventAsync(HttpContext context, string type, JsonNode obj, CancellationToken cancellation)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellation);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), cancellation);
        await context.Response.Body.FlushAsync(cancellation);
    }

    private static long ParseResourceVersion(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw ApiException.BadRequest($"invalid resource version: {text}");
    }
}
