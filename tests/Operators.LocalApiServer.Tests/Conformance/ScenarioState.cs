using System.Text.Json.Nodes;

namespace Operators.LocalApiServer.Tests.Conformance;

/// <summary>
/// Everything one scenario run accumulates: its run id and namespace, the raw results that
/// <c>${...}</c> reads, the normalizer whose numbering spans the run, open watches, relation
/// checks and the recorded step outcomes.
/// </summary>
internal sealed class ScenarioState : IAsyncDisposable
{
    private readonly Dictionary<string, JsonObject> _results = new(StringComparer.Ordinal);
    private readonly Substitutor _substitutor;

    /// <param name="runId">The random part of the namespace name.</param>
    public ScenarioState(string runId)
    {
        RunId = runId;
        NamespaceName = "conf-" + runId;
        Normalizer = new Normalizer(NamespaceName, runId);
        Recorder = new OutcomeRecorder(Normalizer);
        _substitutor = new Substitutor(NamespaceName, runId, id => _results.GetValueOrDefault(id));
    }

    /// <summary>The run id (<c>${run}</c>).</summary>
    public string RunId { get; }

    /// <summary>The scenario namespace (<c>${ns}</c>), <c>conf-&lt;run&gt;</c>.</summary>
    public string NamespaceName { get; }

    /// <summary>Normalizes recorded values; numbering spans the run.</summary>
    public Normalizer Normalizer { get; }

    /// <summary>Builds recorded bodies, events and headers.</summary>
    public OutcomeRecorder Recorder { get; }

    /// <summary>The relation checks of the run.</summary>
    public RelationChecker Relations { get; } = new();

    /// <summary>Open watches by name.</summary>
    public Dictionary<string, WatchStream> Watches { get; } = new(StringComparer.Ordinal);

    /// <summary>The recorded step outcomes, in order.</summary>
    public JsonArray Outcomes { get; } = [];

    /// <summary>Keeps the raw result of step <paramref name="id"/> for later <c>${id...}</c>.</summary>
    public void Remember(string? id, RawResponse response)
    {
        if (id is not null)
        {
            _results[id] = response.ToResult();
        }
    }

    /// <summary>A substituted copy of a step part; the result must be an object.</summary>
    public JsonObject SubstituteObject(JsonNode? node) =>
        _substitutor.Apply(node) as JsonObject ?? throw new InvalidOperationException("Expected a JSON object in the step: " + node?.ToJsonString());

    /// <summary>The text with <c>${...}</c> substituted.</summary>
    public string SubstituteText(string text) => _substitutor.ApplyText(text);

    /// <summary>Closes every open watch.</summary>
    public async Task CloseWatchesAsync()
    {
        foreach (var watch in Watches.Values)
        {
            await watch.DisposeAsync();
        }

        Watches.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CloseWatchesAsync();
}
