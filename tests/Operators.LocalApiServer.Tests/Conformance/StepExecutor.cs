using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Runs one step: <c>request</c>, <c>wait</c>, <c>sleep</c>, <c>compact</c>, or a watch step
/// (handed to <see cref="WatchStepExecutor"/>). With <c>record: false</c> (cleanup) nothing is
/// remembered, checked or recorded.
/// </summary>
internal sealed class StepExecutor
{
    private const double DefaultWaitTimeoutSeconds = 30;

    private readonly ScenarioState _state;
    private readonly RequestSender _sender;
    private readonly WatchStepExecutor _watches;
    private readonly Func<Task>? _compactHistory;

    /// <param name="state">The run's state.</param>
    /// <param name="sender">Sends requests to the server under test.</param>
    /// <param name="compactHistory">What a <c>compact</c> step does, or null when the server offers nothing.</param>
    public StepExecutor(ScenarioState state, RequestSender sender, Func<Task>? compactHistory)
    {
        _state = state;
        _sender = sender;
        _watches = new WatchStepExecutor(state, sender);
        _compactHistory = compactHistory;
    }

    /// <summary>Runs <paramref name="step"/>; records its outcome when <paramref name="record"/>.</summary>
    public async Task ExecuteAsync(JsonObject step, bool record, CancellationToken cancellationToken)
    {
        if (step["request"] is JsonObject request)
        {
            await RequestAsync(step, request, record, cancellationToken);
        }
        else if (step["wait"] is JsonObject wait)
        {
            await WaitAsync(step, wait, record, cancellationToken);
        }
        else if (step.ContainsKey("sleep"))
        {
            await Task.Delay(JsonText.SecondsOf(step["sleep"], 0), cancellationToken);
        }
        else if (step.ContainsKey("compact"))
        {
            var compact = _compactHistory ?? throw new InvalidOperationException("The scenario has a 'compact' step but the runner was given no CompactHistory hook.");
            await compact();
        }
        else if (!await _watches.TryExecuteAsync(step, cancellationToken))
        {
            throw new InvalidOperationException("Unknown step kind: " + step.ToJsonString());
        }
    }

    private async Task RequestAsync(JsonObject step, JsonObject request, bool record, CancellationToken cancellationToken)
    {
        var substituted = _state.SubstituteObject(request);
        _state.Normalizer.AddSentStrings(substituted["body"]);
        var spec = RequestSpec.Parse(substituted);
        var retryOn = (step["retryOn"] as JsonArray ?? []).Select(JsonText.NumberOf).OfType<double>().Select(code => (int)code).ToList();
        var response = await _sender.SendWithRetryAsync(spec, retryOn, JsonText.SecondsOf(step["retryFor"], 0), cancellationToken);
        if (!record)
        {
            return;
        }

        var id = JsonText.StringOf(step["id"]);
        _state.Remember(id, response);
        _state.Relations.ObserveResponse(id ?? string.Empty, spec, response);
        var outcome = new JsonObject { ["id"] = id };
        AddResponse(outcome, step, response);
        _state.Outcomes.Add(outcome);
    }

    private async Task WaitAsync(JsonObject step, JsonObject wait, bool record, CancellationToken cancellationToken)
    {
        var substituted = _state.SubstituteObject(wait);
        var request = substituted["request"] as JsonObject ?? [];
        _state.Normalizer.AddSentStrings(request["body"]);
        var spec = RequestSpec.Parse(request);
        var until = substituted["until"] as JsonObject ?? [];
        var deadline = DateTime.UtcNow + JsonText.SecondsOf(substituted["timeout"], DefaultWaitTimeoutSeconds);
        var interval = JsonText.SecondsOf(substituted["interval"], RequestSender.RetryInterval.TotalSeconds);
        RawResponse response;
        bool conditionMet;
        while (true)
        {
            response = await _sender.SendAsync(spec, cancellationToken);
            conditionMet = WaitCondition.Holds(until, response);
            if (conditionMet || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(interval, cancellationToken);
        }

        if (!record)
        {
            return;
        }

        var id = JsonText.StringOf(step["id"]);
        _state.Remember(id, response);
        _state.Relations.ObserveResponse(id ?? string.Empty, spec, response);
        var outcome = new JsonObject { ["id"] = id, ["conditionMet"] = conditionMet };
        if (step.ContainsKey("record"))
        {
            AddResponse(outcome, step, response);
        }

        _state.Outcomes.Add(outcome);
    }

    /// <summary>Adds <c>status</c>, <c>body</c> (per <c>record</c>) and <c>headers</c> (per <c>recordHeaders</c>), or the transport error.</summary>
    private void AddResponse(JsonObject outcome, JsonObject step, RawResponse response)
    {
        if (response.Error is { } error)
        {
            outcome["error"] = error;
            return;
        }

        outcome["status"] = response.Status;
        var record = RecordSpec.Parse(step["record"], _state.SubstituteText);
        if (!record.StatusOnly)
        {
            outcome["body"] = _state.Recorder.RecordBody(response, record, JsonText.BoolOf(step["keepMessage"], fallback: false));
        }

        if (step["recordHeaders"] is JsonArray names)
        {
            outcome["headers"] = _state.Recorder.RecordHeaders(response, JsonText.StringsOf(names));
        }
    }
}
