using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// The watch steps: <c>watch</c> opens <c>GET ...?watch=true&amp;...</c> in the background,
/// <c>watchEvents</c> waits for and records the events since the previous <c>watchEvents</c> of
/// that watch, <c>watchClose</c> closes it.
/// </summary>
internal sealed class WatchStepExecutor
{
    private const double DefaultSettleSeconds = 0.3;
    private const double DefaultEventsTimeoutSeconds = 10;
    private const string Bookmark = "BOOKMARK";

    private readonly ScenarioState _state;
    private readonly RequestSender _sender;

    /// <param name="state">The run's state (holds the open watches).</param>
    /// <param name="sender">Opens the watch requests.</param>
    public WatchStepExecutor(ScenarioState state, RequestSender sender)
    {
        _state = state;
        _sender = sender;
    }

    /// <summary>Runs <paramref name="step"/> when it is a watch step; false when it is not one.</summary>
    public async Task<bool> TryExecuteAsync(JsonObject step, CancellationToken cancellationToken)
    {
        if (step["watch"] is JsonObject watch)
        {
            await OpenAsync(step, _state.SubstituteObject(watch), cancellationToken);
        }
        else if (step["watchEvents"] is JsonObject events)
        {
            await CollectAsync(step, _state.SubstituteObject(events), cancellationToken);
        }
        else if (step.ContainsKey("watchClose"))
        {
            await CloseAsync(JsonText.TextOf(step["watchClose"]));
        }
        else
        {
            return false;
        }

        return true;
    }

    private async Task OpenAsync(JsonObject step, JsonObject watch, CancellationToken cancellationToken)
    {
        var name = JsonText.TextOf(watch["name"]);
        var request = watch["request"] as JsonObject ?? [];
        _state.Normalizer.AddSentStrings(request["body"]);
        var spec = RequestSpec.Parse(request).WithLeadingQuery("watch", "true");
        var deadline = DateTime.UtcNow + JsonText.SecondsOf(watch["retry429For"], 0);
        var (answer, stream) = await _sender.OpenStreamAsync(spec, cancellationToken);
        while (answer.Status == 429 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(RequestSender.RetryInterval, cancellationToken);
            (answer, stream) = await _sender.OpenStreamAsync(spec, cancellationToken);
        }

        await CloseAsync(name);
        _state.Watches[name] = new WatchStream(stream);

        var id = JsonText.StringOf(step["id"]);
        _state.Remember(id, answer);
        var outcome = new JsonObject { ["id"] = id };
        if (answer.Error is { } error)
        {
            outcome["error"] = error;
        }
        else
        {
            outcome["status"] = answer.Status;
            if (answer.Status != 200)
            {
                outcome["body"] = _state.Recorder.RecordBody(answer, RecordSpec.Whole, JsonText.BoolOf(step["keepMessage"], fallback: false));
            }
        }

        _state.Outcomes.Add(outcome);
    }

    private async Task CollectAsync(JsonObject step, JsonObject spec, CancellationToken cancellationToken)
    {
        var name = JsonText.TextOf(spec["name"]);
        var watch = _state.Watches.GetValueOrDefault(name)
            ?? throw new InvalidOperationException($"watchEvents names watch '{name}', which is not open.");
        var start = watch.Cursor;
        var untilClosed = JsonText.BoolOf(spec["untilClosed"], fallback: false);
        var count = (int)(JsonText.NumberOf(spec["count"]) ?? 0);
        bool Done() => watch.IsClosed || (!untilClosed && watch.Events().Skip(start).Count(e => !IsBookmark(e)) >= count);

        await watch.WaitUntilAsync(Done, JsonText.SecondsOf(spec["timeout"], DefaultEventsTimeoutSeconds), cancellationToken);
        if (!watch.IsClosed)
        {
            await Task.Delay(JsonText.SecondsOf(spec["settle"], DefaultSettleSeconds), cancellationToken);
        }

        var all = watch.Events();
        var arrived = all.Skip(start).ToList();
        watch.Cursor = all.Count;

        var id = JsonText.StringOf(step["id"]);
        _state.Relations.ObserveEvents(id ?? string.Empty, name, arrived, JsonText.BoolOf(spec["rvIncreasing"], fallback: true));
        var bookmarks = JsonText.StringOf(spec["bookmarks"]);
        var record = RecordSpec.Parse(step["record"], _state.SubstituteText);
        var keepMessage = JsonText.BoolOf(step["keepMessage"], fallback: false);
        var events = arrived
            .Where(watchEvent => bookmarks == "record" || !IsBookmark(watchEvent))
            .Select(watchEvent => _state.Recorder.RecordEvent(watchEvent, record, keepMessage));

        var outcome = new JsonObject { ["id"] = id, ["events"] = new JsonArray(events.ToArray<JsonNode?>()) };
        if (bookmarks == "presence")
        {
            outcome["bookmarkSeen"] = arrived.Any(IsBookmark);
        }

        if (untilClosed)
        {
            outcome["closed"] = watch.IsClosed;
        }

        _state.Outcomes.Add(outcome);
    }

    private async Task CloseAsync(string name)
    {
        if (_state.Watches.Remove(name, out var watch))
        {
            await watch.DisposeAsync();
        }
    }

    private static bool IsBookmark(JsonObject watchEvent) => JsonText.StringOf(watchEvent["type"]) == Bookmark;
}
